// The camera the kiosk uses for the selfie and at what resolution. CameraPicker (which lists the cameras the
// browser sees and previews the choice) is its own titled group, so it stands in the columns as a section of
// its own; it edits settings.camera as one value.
import { CameraPicker } from '../CameraPicker';
import type { SectionProps } from './section-props';

export function CameraSection({ draft, change }: SectionProps) {
  return (
    <div className="settings-camera" data-testid="setup-section-camera">
      <CameraPicker value={draft.camera} onChange={(camera) => change({ camera })} />
    </div>
  );
}
