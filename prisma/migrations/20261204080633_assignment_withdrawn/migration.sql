-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "withdrawnAt" DATETIME;
