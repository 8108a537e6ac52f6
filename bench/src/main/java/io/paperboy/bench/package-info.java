/**
 * {@code paperboy bench}: performance measured as ratios against baselines taken in the same run
 * on the same machine (these machines are shared and noisy; absolute times do not compare across
 * runs). Generates synthetic digests of realistic shape into a temporary store.
 */
package io.paperboy.bench;
