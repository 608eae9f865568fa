/** The detector SPI: detectors see each extracted value and its decoded variants, and report detections. */
package dev.vigil.shield.detect;
