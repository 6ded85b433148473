// A short tone and a white flash when a photo is taken, so the customer knows the kiosk is working.
// The tone is synthesised (Web Audio): no sound file, no network.
let audio: AudioContext | null = null;

export function playShutter(): void {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.12);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.12);
  } catch {
    // No audio device on this kiosk: the flash alone tells the customer.
  }
}

export function flash(element: HTMLElement | null): void {
  if (!element) return;
  element.classList.remove('flash');
  // Force a reflow so the animation restarts on every capture.
  void element.offsetWidth;
  element.classList.add('flash');
}
