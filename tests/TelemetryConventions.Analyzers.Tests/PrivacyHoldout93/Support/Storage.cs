namespace FormKit.Storage;

// The stores behind the builder: definitions, submissions, drafts, uploaded files and invitations. None of
// them is telemetry.

public interface IFormRegistry
{
    Task<FormDefinition> GetAsync(string formId, CancellationToken cancellationToken = default);
}

public interface ISubmissionStore
{
    Task SaveAsync(FormSubmission submission, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FormSubmission>> ListAsync(string formId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}

public interface IDraftStore
{
    Task<DraftSave> SaveAsync(string formId, Dictionary<string, string?> answers, int step, CancellationToken cancellationToken = default);

    Task<DraftSave?> FindByTokenAsync(string resumeToken, CancellationToken cancellationToken = default);
}

public interface IUploadStore
{
    Task<string> PutAsync(string key, System.IO.Stream content, string contentType, CancellationToken cancellationToken = default);
}

public interface IInvitationStore
{
    Task<SurveyInvitation?> FindByTokenAsync(string token, CancellationToken cancellationToken = default);

    Task MarkSentAsync(string invitationId, SendReceipt receipt, CancellationToken cancellationToken = default);
}

/// <summary>The store refused a write because the submission id was already stored; quotes the submission id.</summary>
public sealed class DuplicateSubmissionException(string submissionId)
    : Exception($"Submission '{submissionId}' was already stored")
{
    public string SubmissionId { get; } = submissionId;
}
