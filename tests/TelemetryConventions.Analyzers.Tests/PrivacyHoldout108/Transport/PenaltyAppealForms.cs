namespace PrivacyHoldout108.Transport;

public sealed record PenaltyAppeal(string NoticeNumber, Guid PassengerId, string PassengerName, string PassengerEmail, string? CardNumber, string? VehicleRegistration, string Route, string Stop, string Grounds, DateTimeOffset IssuedAt);

/// <summary>Penalty fare and car park charge appeals: the passenger fills in the appeal form and signs the statement of truth; the generated PDF goes to the appeals panel, and the completion webhook closes the case.</summary>
public sealed class PenaltyAppealForms(
    PdfFormFiller filler,
    EnvelopesApi envelopes,
    SigningOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PenaltyAppealForms> logger)
{
    private static readonly ActivitySource Source = new("Operator.Appeals");
    private static readonly Meter AppealsMeter = new("Operator.Appeals");
    private static readonly Histogram<double> DaysToAppeal = AppealsMeter.CreateHistogram<double>("appeals.days_to_appeal", "d");
    private static readonly PdfTemplate AppealTemplate = new("tpl-penalty-appeal", 4, "en-GB", ["NoticeNumber", "Name", "CardNumber", "VehicleRegistration", "Grounds", "StatementOfTruth"]);

    public async Task<string> SubmitAsync(PenaltyAppeal appeal, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("appeal.submit");
        activity?.SetTag("appeal.notice", appeal.NoticeNumber); // clean precision-names
        activity?.SetTag("appeal.route", appeal.Route); // clean precision-names
        activity?.SetTag("appeal.stop", appeal.Stop); // clean precision-names
        activity?.SetTag("appeal.grounds_length", appeal.Grounds.Length); // clean precision-about
        activity?.SetTag("appeal.kind", appeal.VehicleRegistration is null ? "penalty_fare" : "car_park"); // clean precision-about
        activity?.SetTag("appeal.vehicle", appeal.VehicleRegistration); // leak TC1001 direct
        activity?.SetTag("appeal.card", appeal.CardNumber); // leak TC1001 direct
        activity?.SetTag("appeal.card_suffix", appeal.CardNumber?[^4..]); // clean precision-about
        DaysToAppeal.Record((DateTimeOffset.UtcNow - appeal.IssuedAt).TotalDays, new KeyValuePair<string, object?>("route", appeal.Route)); // clean precision-names

        var values = new Dictionary<string, string>
        {
            ["NoticeNumber"] = appeal.NoticeNumber,
            ["Name"] = appeal.PassengerName,
            ["CardNumber"] = appeal.CardNumber ?? string.Empty,
            ["VehicleRegistration"] = appeal.VehicleRegistration ?? string.Empty,
            ["Grounds"] = appeal.Grounds,
            ["StatementOfTruth"] = "true",
        };
        var pdf = filler.Fill(AppealTemplate, values, $"appeal-{appeal.NoticeNumber}.pdf");
        activity?.SetTag("appeal.pdf", pdf.FileName); // clean precision-names
        activity?.SetTag("appeal.pdf.pages", pdf.PageCount); // clean precision-about
        logger.LogInformation("Appeal form values {Values}", values); // leak TC1001 logging-objects
        logger.LogInformation("Appeal form fields {Fields}", values.Keys); // clean logging-objects

        var definition = new EnvelopeDefinition
        {
            TemplateId = "tpl-statement-of-truth",
            EmailSubject = $"Sign your appeal against notice {appeal.NoticeNumber}",
            Documents = [new Document { DocumentId = "1", Name = pdf.FileName, FileExtension = "pdf", DocumentBase64 = Convert.ToBase64String(pdf.Content) }],
            Recipients = new Recipients { Signers = [new Signer { Email = appeal.PassengerEmail, Name = appeal.PassengerName, RecipientId = "1", RoleName = "Appellant" }] },
            Notification = new Notification { Expirations = new Expirations { ExpireEnabled = "true", ExpireAfter = "21", ExpireWarn = "5" } },
            Status = "sent",
        };
        activity?.SetTag("appeal.subject", definition.EmailSubject); // clean precision-names
        activity?.SetTag("appeal.documents", string.Join(",", definition.Documents.Select(d => d.Name))); // clean precision-names

        var summary = await envelopes.CreateEnvelopeAsync(options.AccountId, definition, cancellationToken);
        using var span = Activity.Current.EnrichAppealsignEnvelopeSend(summary.EnvelopeId!) // clean generated-api
            .SetAppealsignDocumentPages(pdf.PageCount) // clean generated-api
            .SetAppealsignSignerId(pseudonymizer.PseudonymizeAppealsignSignerId(appeal.PassengerId.ToString())) // clean precision-pseudonym
            .SetAppealsignNote($"appeal {appeal.NoticeNumber} on {appeal.VehicleRegistration}"); // leak TC1001 generated-api

        var shard = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, appeal.PassengerId.ToByteArray())) % 64;
        activity?.SetTag("appeal.shard", shard); // clean hashes
        activity?.SetTag("appeal.passenger_ref", new Guid(MD5.HashData(appeal.PassengerId.ToByteArray()))); // leak TC1002 hashes
        activity?.SetTag("appeal.passenger", appeal.PassengerId); // leak TC1001 direct
        logger.LogInformation("Appeal {Notice} sent for signature to {Name}", appeal.NoticeNumber, appeal.PassengerName); // leak TC1001 direct
        return summary.EnvelopeId!;
    }

    public void Closed(ConnectEvent evt, PenaltyAppeal appeal, string decision)
    {
        using var span = Source.StartAppealsignWebhookReceive(evt.Event!)
            .SetAppealsignEnvelopeId(evt.Data!.EnvelopeId!) // clean generated-api
            .SetAppealsignOutcome(decision); // clean generated-api
        span.Activity?.SetTag("appeal.connect.uri", evt.Uri); // clean precision-names
        span.Activity?.SetTag("appeal.connect.generated", evt.GeneratedDateTime.ToString("O")); // clean precision-about
        span.Activity?.SetTag("appeal.decision.recipient", evt.Data.EnvelopeSummary?.Recipients?.Signers?.FirstOrDefault()?.Email); // leak TC1001 cross-member
        logger.LogAppealsignEnvelopeFailedEvent(evt.Data.EnvelopeId!, decision, pseudonymizer.PseudonymizeAppealsignSignerId(appeal.PassengerId.ToString()), $"appeal {appeal.NoticeNumber} {decision}"); // clean precision-pseudonym
        AppealsMeter.CreateAppealsignEnvelopesCounter().Add(1, "tpl-statement-of-truth", decision); // clean generated-api
    }
}
