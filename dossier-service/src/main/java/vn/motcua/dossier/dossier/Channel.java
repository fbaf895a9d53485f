package vn.motcua.dossier.dossier;

/** Kênh nộp: how the dossier reached the agency. */
public enum Channel { COUNTER, ONLINE, POSTAL }
