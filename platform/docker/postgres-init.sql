-- One database per service (docker compose only; ./motcua up creates them itself).
create database motcua_dossier encoding 'UTF8' template template0;
create database motcua_appointment encoding 'UTF8' template template0;
create database motcua_payment encoding 'UTF8' template template0;
create database motcua_delivery encoding 'UTF8' template template0;
create database motcua_notification encoding 'UTF8' template template0;
