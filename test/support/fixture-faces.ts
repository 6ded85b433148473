// Where the face is in the face fixtures (../shared/fixtures/images), for tests and benchmarks that place a
// face at a known size and position. Pure data: the browser-side benchmark page imports it too.

export interface FixtureBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The 512×512 fixtures' side. */
export const FIXTURE_SIDE = 512;

/**
 * The astronaut's face in face-astronaut.png: the tiny face detector's own box on the whole picture at inputs
 * 416–608, averaged. "Face width" in the tests and benches is this box's width.
 */
export const ASTRONAUT_FACE: FixtureBox = { x: 160, y: 74, width: 123, height: 112 };
