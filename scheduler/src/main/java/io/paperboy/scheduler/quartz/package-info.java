/**
 * Quartz plumbing shared by every scheduled job: a {@link org.quartz.spi.JobFactory} that builds
 * jobs with their collaborators through constructors (no static lookups, no JobDataMap services),
 * and where schedulers come from: the RAM store for one process on SQLite, the clustered JDBC
 * store on PostgreSQL (one fire per trigger across the instances).
 */
package io.paperboy.scheduler.quartz;
