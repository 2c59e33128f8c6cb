import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ActionForm } from './ActionForm.tsx';
import { useCreateAction } from './queries.ts';

export function NewActionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAction();
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Dialog open={open} title={t('actions.newTitle')} onClose={close}>
      <ActionForm
        submitLabel={t('actions.create')}
        pending={create.isPending}
        error={create.error}
        onCancel={close}
        onSubmit={(values) =>
          create.mutate(values, {
            onSuccess: (created) => {
              close();
              if (created?.id) void navigate({ to: '/actions/$id', params: { id: String(created.id) } });
            },
          })
        }
      />
    </Dialog>
  );
}
