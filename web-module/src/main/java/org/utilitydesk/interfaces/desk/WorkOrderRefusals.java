package org.utilitydesk.interfaces.desk;

import jakarta.ejb.EJBException;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.utilitydesk.application.CrewWork;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.file.AttachmentRejectedException;
import org.utilitydesk.domain.model.workorder.IllegalTransitionException;
import org.utilitydesk.domain.model.workorder.MissingNoteException;

/** Why a work-order action was refused, as the desk tells the agent or the crew page the crew, whichever page they acted on. */
public final class WorkOrderRefusals {

    private static final Logger LOG = Logger.getLogger(WorkOrderRefusals.class.getName());

    private WorkOrderRefusals() {
    }

    /** {@code action} is the refused action's name: one of {@link WorkOrderService.Action}, or ACCEPT or PHOTO. */
    public static String explain(RuntimeException e, String action, String orderNo, ResourceBundle msg) {
        // the rules' refusals arrive as they are or wrapped by the facade's container (EJBException)
        Throwable cause = e;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalTransitionException t) {
            return msg.getString("wo.refused").replace("{0}", msg.getString("workOrderState." + t.getFrom().name()))
                    .replace("{1}", msg.getString("wo.action." + action));
        }
        if (cause instanceof MissingNoteException) {
            return msg.getString("wo.noteRequired");
        }
        if (cause instanceof CrewWork.TakenException t) {
            return msg.getString("crew.taken").replace("{0}", String.valueOf(t.by()));
        }
        if (cause instanceof AttachmentRejectedException r) {
            return msg.getString(r.messageKey());
        }
        // most often two people changed the order at once (optimistic lock)
        Throwable failure = cause;
        LOG.warning(() -> "work order action " + action + " on " + orderNo + " failed: " + failure);
        return msg.getString("wo.concurrent");
    }
}
