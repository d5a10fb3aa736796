-- CreateIndex
CREATE INDEX "GradeCriterion_gradeId_applicable_maxLevel_competency_level_overrideLevel_idx" ON "GradeCriterion"("gradeId", "applicable", "maxLevel", "competency", "level", "overrideLevel");
