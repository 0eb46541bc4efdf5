namespace PrivacyHoldout108.Education;

public sealed record TranscriptRequest(Guid RequestId, string StudentNumber, string LearnerName, string LearnerEmail, string Programme, string AwardLevel, string RequestedBy);

public sealed class TranscriptWithheldException(string studentNumber, string reason)
    : Exception($"Transcript for {studentNumber} withheld: {reason}.");

/// <summary>Graduates ask for an official transcript: the service fills the transcript PDF, seals it with the college's certificate and mails a download link.</summary>
public sealed class TranscriptSealService(PdfFormFiller filler, PdfSigner signer, SigningCertificate collegeSeal, Pseudonymizer pseudonymizer, ILogger<TranscriptSealService> logger)
{
    private static readonly ActivitySource Source = new("College.Transcripts");
    private static readonly PdfTemplate Template = new("tpl-transcript", 6, "en-GB", ["StudentNumber", "Name", "Programme", "Award", "Modules"]);

    public SignedPdf Issue(TranscriptRequest request, bool feesOutstanding)
    {
        using var activity = Source.StartActivity("transcript.issue");
        activity?.SetTag("transcript.programme", request.Programme); // clean precision-names
        activity?.SetTag("transcript.award", request.AwardLevel); // clean precision-names
        if (feesOutstanding)
        {
            var withheld = new TranscriptWithheldException(request.StudentNumber, "fees outstanding");
            activity?.SetStatus(ActivityStatusCode.Error, withheld.Message); // leak TC1001 exceptions
            logger.LogWarning("Transcript withheld: {Error}", withheld.Message); // leak TC1001 exceptions
            throw withheld;
        }

        var fileName = $"transcript_{request.StudentNumber}_{request.LearnerName.Replace(' ', '_')}.pdf";
        var pdf = filler.Fill(Template, new Dictionary<string, string> { ["StudentNumber"] = request.StudentNumber, ["Name"] = request.LearnerName, ["Programme"] = request.Programme, ["Award"] = request.AwardLevel }, fileName);
        var sealedPdf = signer.Sign(pdf, collegeSeal, new SignatureAppearance { Reason = "Official transcript", Location = "Registry", SignerName = "College Registrar" });
        activity?.SetTag("transcript.file", sealedPdf.FileName); // leak TC1001 strings
        activity?.SetTag("transcript.seal", collegeSeal.Subject); // clean precision-names
        var disposition = $"attachment; filename=\"{fileName}\"";
        activity?.SetTag("http.response.header.content_disposition", disposition); // leak TC1001 strings
        var sealSpan = Activity.Current.EnrichEnrolsignEnvelopeSend(request.RequestId.ToString());
        sealSpan.SetEnrolsignNote($"sealed for {request.LearnerEmail}"); // leak TC1001 generated-api
        activity?.SetTag("transcript.learner", pseudonymizer.ComputeEnrolsignSignerId(request.StudentNumber)); // clean precision-pseudonym
        activity?.SetTag("transcript.learner_fingerprint", BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(request.StudentNumber)))); // leak TC1002 hashes
        logger.LogInformation("Transcript issued {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Transcript {File} sealed", sealedPdf); // leak TC1001 logging-objects
        return sealedPdf;
    }
}
