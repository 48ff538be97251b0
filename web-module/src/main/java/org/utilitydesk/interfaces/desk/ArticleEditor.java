package org.utilitydesk.interfaces.desk;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Logger;
import org.utilitydesk.application.KnowledgeBase;
import org.primefaces.model.file.UploadedFile;
import org.utilitydesk.domain.model.knowledge.ArticleWorkflowException;
import org.utilitydesk.domain.model.file.AttachmentRejectedException;
import org.utilitydesk.domain.model.knowledge.Audience;
import org.utilitydesk.interfaces.facade.ArticleActionRequest;
import org.utilitydesk.interfaces.facade.ArticleRequest;
import org.utilitydesk.interfaces.facade.ArticleView;
import org.utilitydesk.interfaces.facade.KnowledgeFacade;
import org.utilitydesk.interfaces.facade.KnowledgeSearchView;
import org.utilitydesk.interfaces.facade.TextDiff;

/**
 * Writing and reviewing one article ({@code desk/article.xhtml?code=KB…}, or a new one without a code):
 * the form proposes a new version; the version waiting for review is shown against the live one as a
 * difference; the steps each person may take (submit; approve or send back for editors; publish,
 * archive, restore for supervisors) are offered. A refused step says why and changes nothing.
 */
@Named
@ViewScoped
public class ArticleEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ArticleEditor.class.getName());

    @Inject
    private KnowledgeFacade knowledge;

    @Inject
    private LocaleSelection localeSelection;

    @Inject
    private CurrentUser user;

    @Inject
    private Validator validator;

    private String code;
    private ArticleView article;
    private String categoryCode = "FAULT";
    private Audience audience = Audience.INTERNAL;
    private String language = "zh_CN";
    private String title;
    private String question;
    private String answer;
    private String faultCause;
    private String solution;
    private String tags;
    private String note;
    private transient UploadedFile upload;
    /** The waiting version against the live one, field by field (changed fields only); worked out once per load. */
    private List<Map.Entry<String, List<TextDiff.Segment>>> diff = List.of();

    /** Loads the article named in the address and fills the form with its newest text. */
    public void load() {
        article = code == null ? null : knowledge.find(code, locale()).orElse(null);
        diff = List.of();
        if (article == null) {
            code = null;
            return;
        }
        if (article.pending() != null && article.pending().versionNo() != article.liveVersion()) {
            diff = knowledge.diff(code, article.liveVersion(), article.pending().versionNo())
                    .map(m -> m.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(x -> !"EQUAL".equals(x.op())))
                            .toList())
                    .orElse(List.of());
        }
        categoryCode = article.category();
        audience = Audience.valueOf(article.audience());
        language = article.language();
        ArticleView.Version text = article.pending() != null ? article.pending() : article.versions().get(0);
        title = text.title();
        question = text.question();
        answer = text.answer();
        faultCause = text.faultCause();
        solution = text.solution();
        tags = String.join(", ", text.tags());
        note = null;
    }

    /** Saves the form: a new article (a draft), or a new version of this one. */
    public void save() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ArticleRequest request = new ArticleRequest(categoryCode, audience, language, title, question, answer, faultCause,
                solution, tagList(), note);
        Set<ConstraintViolation<ArticleRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ResourceBundle msg = bundle(faces);
            for (ConstraintViolation<ArticleRequest> v : violations) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(msg, v), null));
            }
            return;
        }
        try {
            if (code == null) {
                ArticleView created = knowledge.propose(request, user.getUser(), locale());
                ExternalContext external = faces.getExternalContext();
                external.getFlash().setKeepMessages(true);
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, bundle(faces).getString("kb.saved"), null));
                external.redirect(external.getRequestContextPath() + "/desk/article.xhtml?code=" + created.code());
                return;
            }
            knowledge.edit(code, request, user.getUser(), locale());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, bundle(faces).getString("kb.saved"), null));
            load();
        } catch (RuntimeException e) {
            refused(faces, e, "save");
        }
    }

    /** Attaches the uploaded file (checked for size and kind by the service; a refusal says why). */
    public void attach() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (upload == null || upload.getFileName() == null || upload.getFileName().isBlank()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, bundle(faces).getString("kb.chooseFile"), null));
            return;
        }
        try {
            knowledge.attach(code, upload.getFileName(), UploadedContent.of(upload, "knowledge.attachment"), user.getUser());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, bundle(faces).getString("kb.attached"), null));
            load();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause instanceof EJBException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof AttachmentRejectedException r) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        bundle(faces).getString(r.messageKey()), null));
            } else {
                refused(faces, e, "attach");
            }
        } finally {
            upload = null;
        }
    }

    /** An editor approves or rejects a file waiting for review (customers see approved files only). */
    public void reviewAttachment(long attachmentId, boolean approve) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!may(KnowledgeBase.Action.APPROVE)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, bundle(faces).getString("error.forbidden"), null));
            return;
        }
        try {
            knowledge.reviewAttachment(code, attachmentId, approve, user.getUser());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    bundle(faces).getString(approve ? "kb.attachment.approved" : "kb.attachment.rejected"), null));
            load();
        } catch (RuntimeException e) {
            refused(faces, e, approve ? "approve attachment" : "reject attachment");
        }
    }

    /** One workflow step on a version. */
    public void act(KnowledgeBase.Action action, int versionNo) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!may(action)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, bundle(faces).getString("error.forbidden"), null));
            return;
        }
        if (action == KnowledgeBase.Action.REJECT && (note == null || note.isBlank())) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, bundle(faces).getString("kb.rejectNeedsNote"), null));
            return;
        }
        try {
            knowledge.act(code, new ArticleActionRequest(action, versionNo, note), user.getUser(), locale());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    bundle(faces).getString("kb.done." + action.name()), null));
            load();
        } catch (RuntimeException e) {
            refused(faces, e, action.name());
        }
    }

    /** Whether the person may take this step (the server checks again). */
    public boolean may(KnowledgeBase.Action action) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return switch (action) {
            case SUBMIT -> true;
            case APPROVE, REJECT -> external.isUserInRole("EDITOR") || external.isUserInRole("SUPERVISOR");
            case PUBLISH, RESTORE, ARCHIVE -> external.isUserInRole("SUPERVISOR");
        };
    }

    /** The waiting version against the live one, field by field; empty when nothing waits. */
    public List<Map.Entry<String, List<TextDiff.Segment>>> getDiff() {
        return diff;
    }

    public List<KnowledgeSearchView.Facet> getCategories() {
        return knowledge.categories(locale());
    }

    public Audience[] getAudiences() {
        return Audience.values();
    }

    private void refused(FacesContext faces, RuntimeException e, String what) {
        Throwable cause = e;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        ResourceBundle msg = bundle(faces);
        String text;
        if (cause instanceof ArticleWorkflowException w) {
            text = msg.getString("knowledge.refused." + w.reason().name());
        } else if (cause instanceof KnowledgeBase.UnknownCategoryException) {
            text = msg.getString("validation.knowledge.category.invalid");
        } else {
            Throwable failure = cause;
            LOG.warning(() -> "knowledge " + what + " on " + code + " failed: " + failure);
            text = msg.getString("kb.concurrent");
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        load();
    }

    private static String text(ResourceBundle msg, ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        if (template.startsWith("{knowledge.") && template.endsWith("}")) {
            String key = "validation." + template.substring(1, template.length() - 1);
            if (msg.containsKey(key)) {
                return msg.getString(key);
            }
        }
        return v.getPropertyPath() + ": " + v.getMessage();
    }

    private List<String> tagList() {
        List<String> list = new ArrayList<>();
        if (tags != null) {
            for (String t : tags.split("[,，;；\\s]+")) {
                if (!t.isBlank()) {
                    list.add(t.strip());
                }
            }
        }
        return list;
    }

    private static ResourceBundle bundle(FacesContext faces) {
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    private Locale locale() {
        return localeSelection.getLocale();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null || code.isBlank() || code.length() > 16 ? null : code.strip();
    }

    public ArticleView getArticle() {
        return article;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public void setCategoryCode(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public Audience getAudience() {
        return audience;
    }

    public void setAudience(Audience audience) {
        this.audience = audience;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public String getFaultCause() {
        return faultCause;
    }

    public void setFaultCause(String faultCause) {
        this.faultCause = faultCause;
    }

    public String getSolution() {
        return solution;
    }

    public void setSolution(String solution) {
        this.solution = solution;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
