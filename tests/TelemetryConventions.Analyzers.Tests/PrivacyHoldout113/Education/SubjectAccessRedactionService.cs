namespace PrivacyHoldout113.Education;

public sealed record PupilDocument(string DocumentId, string StudentNumber, string Kind, string Author, IReadOnlyList<string> NamedPupils);

/// <summary>Prepares a pupil's records for a parent's subject access request, redacting other pupils named in them.</summary>
public sealed class SubjectAccessRedactionService(
    ILogger<SubjectAccessRedactionService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _redactions = meter.CreateCounter<long>("eduaudit.sar.redactions");

    public IReadOnlyList<PupilDocument> Prepare(SubjectRequest request, IReadOnlyList<PupilDocument> documents)
    {
        using var span = source.StartEduauditRequest(request.RequestId.ToString(), "access");
        span.Activity?.SetTag("eduaudit.requester", request.ContactEmail); // leak TC1001 direct
        span.Activity?.SetTag("eduaudit.student", request.SubjectKey); // leak TC1001 direct
        span.SetEduauditSubjectId(pseudonymizer.PseudonymizeEduauditSubjectId(request.SubjectKey)); // clean precision-pseudonym

        foreach (var document in documents)
        {
            var others = document.NamedPupils.Where(p => p != request.SubjectKey).ToList();
            logger.LogDebug("Redacting {Count} other pupils from {DocumentId} ({Kind})", others.Count, document.DocumentId, document.Kind); // clean precision-about
            logger.LogDebug("Redacting {Pupils} from {DocumentId}", others, document.DocumentId); // leak TC1001 strings
            logger.LogDebug("Document author {Author}", document.Author); // leak TC1001 direct
            _redactions.Add(others.Count, new KeyValuePair<string, object?>("eduaudit.kind", document.Kind)); // clean precision-names
            _redactions.Add(others.Count, new KeyValuePair<string, object?>("eduaudit.author", document.Author)); // leak TC1003 direct
        }
        logger.LogInformation("Prepared {Documents}", documents.Select(d => d.DocumentId)); // clean strings
        logger.LogInformation("Prepared {FirstDocument}", documents.FirstOrDefault()); // leak TC1001 logging-objects
        return documents;
    }
}
