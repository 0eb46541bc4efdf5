using System.Diagnostics;
using System.Net.Mail;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.Hangfire;

namespace PrivacyHoldout15.Healthcare;

public sealed record DischargeLetterModel(string GivenName, string FamilyName, string ClinicianName, DateOnly DischargedOn, IReadOnlyList<string> Medications);

public interface IEncounterStore
{
    Task<(string ClinicianName, DateOnly DischargedOn, IReadOnlyList<string> Medications)?> DischargeAsync(Guid encounterId, CancellationToken cancellationToken);
}

public static partial class LetterLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Discharge letter for encounter {EncounterId} rendered: {Pages} pages for {PatientName}")]
    public static partial void LetterRendered(ILogger logger, Guid encounterId, int pages, [PrivateData] string patientName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Discharge letter for {PatientMrn} has no email on file")]
    public static partial void NoEmail(ILogger logger, string patientMrn);
}

/// <summary>A Hangfire job that renders the discharge letter to PDF, stores it and emails it.</summary>
[Queue("letters")]
public sealed class DischargeLetterJob(
    ITemplateRenderer templates,
    IPdfRenderer pdf,
    IBlobStore blobs,
    IPatientContactStore contacts,
    IEncounterStore encounters,
    SmtpClient smtp,
    ILogger<DischargeLetterJob> logger,
    TimeProvider clock)
{
    public async Task RunAsync(Guid encounterId, string mrn, CancellationToken cancellationToken)
    {
        var contact = await contacts.FindAsync(mrn, cancellationToken) ?? throw new InvalidOperationException($"No contact details for encounter {encounterId}");
        var discharge = await encounters.DischargeAsync(encounterId, cancellationToken) ?? throw new InvalidOperationException($"Encounter {encounterId} has no discharge");

        var model = new DischargeLetterModel(contact.GivenName, contact.FamilyName, discharge.ClinicianName, discharge.DischargedOn, discharge.Medications);
        var html = await templates.RenderAsync("Letters/Discharge", model);
        var bytes = await pdf.RenderAsync(html);
        LetterLog.LetterRendered(logger, encounterId, bytes.Length / 3000 + 1, $"{contact.GivenName} {contact.FamilyName}"); // clean logging-objects

        var fileName = $"{contact.FamilyName}_{contact.GivenName}_discharge_{clock.GetUtcNow():yyyyMMdd}.pdf";
        var uri = await blobs.UploadAsync("letters", $"{encounterId:N}/{fileName}", bytes, "application/pdf");
        logger.LogInformation("Discharge letter {FileName} uploaded ({Bytes} bytes)", fileName, bytes.Length); // leak TC1001 strings
        Activity.Current?.SetTag("letter.blob_path", uri.AbsolutePath); // leak TC1001 strings
        Activity.Current?.SetTag("letter.size_bytes", bytes.Length);
        Activity.Current?.SetTag("letter.encounter_id", encounterId.ToString()); // clean precision-names

        if (contact.Email is null)
        {
            LetterLog.NoEmail(logger, mrn); // leak TC1001 direct
            return;
        }

        using var mail = new MailMessage(new MailAddress("letters@clinic.example", "Riverside Clinic"), new MailAddress(contact.Email, $"{contact.GivenName} {contact.FamilyName}"))
        {
            Subject = "Your discharge letter",
            Body = $"Dear {contact.GivenName}, please find your discharge letter attached.",
        };
        mail.Attachments.Add(new System.Net.Mail.Attachment(new MemoryStream(bytes), fileName, "application/pdf"));
        try
        {
            await smtp.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpFailedRecipientException ex)
        {
            // The server's reply is quoted: "Mailbox unavailable. The server response was: 5.1.1 <jo@example.org>: user unknown".
            logger.LogWarning("Letter for encounter {EncounterId} bounced with {StatusCode}", encounterId, ex.StatusCode); // clean exceptions
            logger.LogWarning(ex, "Could not send discharge letter to {Recipient}", ex.FailedRecipient); // leak TC1001 exceptions
            return;
        }
        catch (SmtpException ex)
        {
            logger.LogError(ex, "SMTP failure sending the letter for encounter {EncounterId}", encounterId); // clean exceptions
            throw;
        }

        logger.LogInformation("Letter for encounter {EncounterId} sent to a {Domain} mailbox", encounterId, new MailAddress(contact.Email).Host); // clean precision-about
        logger.LogDebug("Letter mail: to {To}, subject {Subject}, {Attachments} attachment(s)", mail.To, mail.Subject, mail.Attachments.Count); // leak TC1001 cross-member
    }
}
