/**
 * Quartz plumbing shared by every scheduled job: a {@link org.quartz.spi.JobFactory} that builds
 * jobs with their collaborators through constructors (no static lookups, no JobDataMap services).
 */
package io.paperboy.scheduler.quartz;
