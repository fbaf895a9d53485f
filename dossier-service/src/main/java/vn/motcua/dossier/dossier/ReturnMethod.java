package vn.motcua.dossier.dossier;

/** How the applicant gets the result: at the counter, by post to an address, or electronically. */
public enum ReturnMethod { COUNTER, POST, ELECTRONIC }
