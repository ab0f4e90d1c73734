import { useState } from 'react';
import { api } from '../../api.js';
import type { BodyOf, ResponseOf } from '../../api/contract.js';
import { Card } from '../../components/Card.js';
import { TextField } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { useAnnounce } from '../../components/Status.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { instant } from '../../format.js';

type Schedule = ResponseOf<'/api/backups/schedule', 'get'>;

/** Daily backups into a folder the practice chooses; the server writes them while Sanctum is unlocked. */
export function ScheduleCard() {
  const [dir, setDir] = useState('');
  const { errors, busy, run } = useSubmit(['dir']);
  const announce = useAnnounce();
  const loaded = useLoad(async () => {
    const next = await api.get<Schedule>('/api/backups/schedule');
    setDir((d) => d || next.dir || '');
    return next;
  }, []);
  const { data: s, setData: setS } = loaded;

  const save = async (body: BodyOf<'/api/backups/schedule', 'put'>, said: string) => {
    await run(async () => {
      setS(await api.put<Schedule>('/api/backups/schedule', body));
      announce(said);
    });
  };
  const submitLabel = s?.enabled ? 'Save the folder' : 'Turn on daily backups';
  const failedLast = s?.lastFailureAt && (!s.lastSuccessAt || s.lastFailureAt > s.lastSuccessAt);
  return (
    <Card title="Automatic backups" description="Sanctum writes an encrypted backup every day into a folder you choose (an external drive, or a folder your cloud storage syncs), keeping 7 daily, 4 weekly and 12 monthly copies.">
      {s?.stopped && (
        <div className="callout callout-warning" role="alert" data-testid="backup-stopped">
          <p><strong>Backups have stopped.</strong> None has succeeded for more than two days. {s.lastFailureReason ?? 'Is Sanctum left locked, or the drive unplugged?'}</p>
        </div>
      )}
      {s && (
        <p className="backup-last" data-testid="schedule-state">
          {s.enabled ? 'Daily backups are on.' : 'Daily backups are off.'}{' '}
          {s.lastSuccessAt ? `Last automatic backup ${instant(s.lastSuccessAt)}.` : s.enabled ? 'The first is written within a few minutes while Sanctum is unlocked.' : ''}
        </p>
      )}
      {failedLast && !s?.stopped && (
        <p className="callout callout-warning" data-testid="schedule-failed">
          The last attempt, {instant(s!.lastFailureAt)}, failed: {s!.lastFailureReason} Sanctum tries again within the hour.
        </p>
      )}
      <Form
        onSubmit={() => save({ enabled: true, dir }, 'Daily backups are on.')}
        error={errors.form ?? loaded.error}
        busy={busy}
        submitLabel={submitLabel}
        busyLabel={submitLabel}
        extraButtons={
          s?.enabled && (
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void save({ enabled: false }, 'Daily backups are off.')}>
              Turn off
            </button>
          )
        }
      >
        <TextField label="Backup folder" hint="The full path of a folder on this computer, for example /Volumes/Backup/Sanctum or D:\Sanctum backups." name="dir" type="text" spellCheck={false} autoComplete="off" value={dir} onChange={setDir} error={errors.fields.dir} />
      </Form>
    </Card>
  );
}
