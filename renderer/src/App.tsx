import { useTranslation } from 'react-i18next';
import { describeKioskError } from '../i18n/describe';
import { PinDialog } from '../components/PinDialog';
import { QueueStatusLine } from '../components/QueueStatusLine';
import { KioskModeBanner } from '../components/KioskModeBanner';
import { CameraProblemScreen } from '../screens/CameraProblemScreen';
import { CaptureScreen } from '../screens/CaptureScreen';
import { ChangePinScreen } from '../screens/ChangePinScreen';
import { ConsentScreen } from '../screens/ConsentScreen';
import { HomeScreen } from '../screens/HomeScreen';
import { OperatorPanel } from '../screens/OperatorPanel';
import { OperatorsScreen } from '../screens/OperatorsScreen';
import { RecoverScreen } from '../screens/RecoverScreen';
import { ResultScreen } from '../screens/ResultScreen';
import { ReviewScreen } from '../screens/ReviewScreen';
import { SetupScreen } from '../screens/SetupScreen';
import { UserIdScreen } from '../screens/UserIdScreen';
import { useIdleReset } from '../store/idle-reset';
import { go, useKiosk, type Screen } from '../store/kiosk-store';
import { leaveKioskMode } from '../store/operator-session';
import { useRendererRecycling } from '../store/renderer-recycling';
import { useSessionExpiry } from '../store/session-expiry';

const SCREENS: Record<Exclude<Screen, 'loading'>, () => React.JSX.Element | null> = {
  setup: SetupScreen,
  home: HomeScreen,
  userId: UserIdScreen,
  consent: ConsentScreen,
  capture: CaptureScreen,
  review: ReviewScreen,
  result: ResultScreen,
  operator: OperatorPanel,
  operators: OperatorsScreen,
  changePin: ChangePinScreen,
  recover: RecoverScreen,
  cameraProblem: CameraProblemScreen,
};

export function App() {
  const { t } = useTranslation();
  const screen = useKiosk((state) => state.screen);
  const fatal = useKiosk((state) => state.fatal);
  const exitRequested = useKiosk((state) => state.exitRequested);
  const closeExit = () => useKiosk.setState({ exitRequested: false });
  useIdleReset();
  useSessionExpiry();
  useRendererRecycling();
  if (fatal) {
    const problem = describeKioskError(t, fatal);
    return (
      <main className="screen" data-testid="fatal" data-code={fatal.code}>
        <h1>{t('app.title')}</h1>
        <p className="error" role="alert">
          {problem.reason}
        </p>
        <p>{problem.action}</p>
      </main>
    );
  }
  if (screen === 'loading') return <main className="screen" aria-busy="true" />;
  const Current = SCREENS[screen];
  return (
    <div className="app" data-screen={screen}>
      <KioskModeBanner />
      <Current />
      {screen !== 'operator' && screen !== 'capture' && <QueueStatusLine />}
      {exitRequested && (
        <PinDialog
          target="operator"
          onCancel={closeExit}
          onUnlock={(pinChangeRequired) => {
            closeExit();
            // An outdated PIN opens only the PIN change; leaving kiosk mode waits for the new PIN.
            if (pinChangeRequired) go('changePin');
            else void leaveKioskMode().catch(() => undefined);
          }}
        />
      )}
    </div>
  );
}
