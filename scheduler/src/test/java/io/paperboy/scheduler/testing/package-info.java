/** Test helpers shared by the scheduler's tests: a clock the test moves by hand. */
package io.paperboy.scheduler.testing;
