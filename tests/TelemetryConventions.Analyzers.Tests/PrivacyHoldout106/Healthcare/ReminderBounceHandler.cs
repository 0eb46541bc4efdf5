namespace PrivacyHoldout106.Healthcare;

/// <summary>A patient's email contact, as the patient administration system holds it.</summary>
public sealed record PatientEmailContact(string HospitalNumber, string Email, bool LettersByEmail);

public interface IPatientContacts
{
    Task<PatientEmailContact?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task SwitchToPostAsync(string hospitalNumber, string reason, CancellationToken cancellationToken = default);
}

/// <summary>
/// The SNS subscription that receives SES bounce and complaint notifications for appointment letters
/// sent by email: permanent bounces and complaints put the address on the suppression list and switch
/// the patient back to letters by post.
/// </summary>
public sealed class ReminderBounceHandler(
    ActivitySource source,
    Meter meter,
    ILogger<ReminderBounceHandler> logger,
    IWebhookVerifier verifier,
    ISuppressionList suppression,
    IPatientContacts contacts,
    Pseudonymizer pseudonymizer,
    HttpClient http)
{
    private readonly HcmsgMessagesCounter _messages = meter.CreateHcmsgMessagesCounter();
    private readonly Histogram<int> _recipients = meter.CreateHistogram<int>("hcmsg.bounce.recipients");

    public async Task HandleAsync(SnsMessage envelope, Func<string, SesNotification> parse, CancellationToken cancellationToken)
    {
        using var span = source.StartHcmsgInbound("email").SetHcmsgDirection("webhook");
        Activity.Current?.SetTag("sns.topic_arn", envelope.TopicArn); // clean precision-names
        Activity.Current?.SetTag("sns.message_id", envelope.MessageId); // clean precision-about

        if (!verifier.Verify(envelope))
        {
            logger.LogWarning("SNS signature {Signature} from {CertUrl} rejected", envelope.Signature, envelope.SigningCertUrl); // clean hashes
            return;
        }

        if (envelope.Type == "SubscriptionConfirmation")
        {
            logger.LogInformation("Confirming subscription to {Topic} via {SubscribeUrl}", envelope.TopicArn, envelope.SubscribeUrl); // clean precision-names
            await http.GetAsync(envelope.SubscribeUrl, cancellationToken);
            return;
        }

        var notification = parse(envelope.Message);
        span.SetHcmsgProviderStatus(notification.NotificationType) // clean precision-about
            .SetHcmsgMessageId(notification.Mail.MessageId); // clean precision-about
        Activity.Current?.SetTag("ses.source", notification.Mail.Source); // clean precision-names
        Activity.Current?.SetTag("ses.template", notification.Mail.Tags.GetValueOrDefault("template")?.FirstOrDefault()); // clean precision-names
        Activity.Current?.SetTag("ses.subject", notification.Mail.CommonHeaders.Subject); // clean precision-names

        if (notification.Bounce is { } bounce)
        {
            _recipients.Record(bounce.BouncedRecipients.Count, new KeyValuePair<string, object?>("bounce.type", bounce.BounceType)); // clean precision-about
            Activity.Current?.SetTag("ses.bounce.reporting_mta", bounce.ReportingMta); // clean precision-names
            foreach (var recipient in bounce.BouncedRecipients)
            {
                span.SetHcmsgErrorCode(recipient.Status ?? "unknown"); // clean precision-about
                logger.LogWarning("{BounceType}/{SubType} bounce: {Diagnostic}", bounce.BounceType, bounce.BounceSubType, recipient.DiagnosticCode); // leak TC1001 strings
                if (bounce.BounceType != "Permanent")
                {
                    continue;
                }

                await suppression.AddAsync(new SuppressionEntry(recipient.EmailAddress, "email", SuppressionReason.Bounce, "ses", bounce.Timestamp), cancellationToken);
                var contact = await contacts.FindByEmailAsync(recipient.EmailAddress, cancellationToken);
                if (contact is null)
                {
                    logger.LogInformation("Bounced address {Email} matches no patient", recipient.EmailAddress); // leak TC1001 direct
                    continue;
                }

                await contacts.SwitchToPostAsync(contact.HospitalNumber, "hard-bounce", cancellationToken);
                span.SetHcmsgPatientId(pseudonymizer.PseudonymizeHcmsgPatientId(contact.HospitalNumber)); // clean precision-pseudonym
                logger.LogInformation("Letters for {Contact} switched to post after a hard bounce", contact); // leak TC1001 logging-objects
                Activity.Current?.SetBaggage("patient.mrn", contact.HospitalNumber); // leak TC1001 direct
            }
        }

        if (notification.Complaint is { } complaint)
        {
            Activity.Current?.SetTag("ses.complaint.type", complaint.ComplaintFeedbackType); // clean precision-about
            Activity.Current?.SetTag("ses.complaint.user_agent", complaint.UserAgent); // clean precision-names
            Activity.Current?.SetTag("ses.complaint.recipients", string.Join(';', complaint.ComplainedRecipients.Select(r => r.EmailAddress))); // leak TC1001 strings
            foreach (var recipient in complaint.ComplainedRecipients)
            {
                try
                {
                    await suppression.AddAsync(new SuppressionEntry(recipient.EmailAddress, "email", SuppressionReason.Complaint, "ses-feedback-loop", complaint.Timestamp), cancellationToken);
                }
                catch (AlreadySuppressedException ex)
                {
                    logger.LogDebug(ex, "Complaint for an address already on the {Channel} list", ex.Channel); // leak TC1001 exceptions
                    span.SetHcmsgNote(ex.GetType().Name); // clean exceptions
                }
            }
        }

        _messages.Add(1, "email", "webhook", notification.NotificationType.ToLowerInvariant()); // clean precision-about
        _messages.Add(1, "email", "webhook", notification.Mail.Destination.FirstOrDefault()); // leak TC1003 generated-api
    }
}
