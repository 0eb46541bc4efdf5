namespace PrivacyHoldout64.Healthcare;

public sealed record ContactPreferences(string NhsNumber, string? Mobile, string? Email, bool SmsConsent);

public sealed record SmsSent(string MessageSid, int Segments);

public sealed record LetterQueued(string LetterId, string PrintBatch);

public sealed record ContactRefused(string Reason);

public interface IPreferencesStore
{
    Option<ContactPreferences> Find(string nhsNumber);
}

public interface ISmsGateway
{
    /// <summary>Sends a text. Throws <see cref="SmsRejectedException"/> when the gateway refuses the number.</summary>
    Task<SmsSent> SendAsync(string mobile, string body, CancellationToken cancellationToken);
}

/// <summary>The gateway client's refusal; like the provider's own error 21211 it quotes the number.</summary>
public sealed class SmsRejectedException(int code, string mobile)
    : Exception($"The 'To' number {mobile} is not a valid mobile number (code {code})")
{
    public int Code { get; } = code;
}

/// <summary>Reminds patients of booked appointments: SMS when they consented, a letter otherwise.</summary>
public sealed class AppointmentReminders(
    IPreferencesStore store,
    ISmsGateway sms,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<AppointmentReminders> logger)
{
    public async Task<OneOf<SmsSent, LetterQueued, ContactRefused>> RemindAsync(BookedReferral booked, CancellationToken cancellationToken)
    {
        var patient = booked.Patient;
        using var span = source.StartReferralProcess(booked.Ubrn, spanName: $"remind {booked.Clinic}"); // clean generated-api

        var mobile = store.Find(patient.NhsNumber)
            .Where(p => p.SmsConsent)
            .Bind(p => p.Mobile is { Length: > 0 } number ? Option.Some(number) : Option.None<string>())
            .Tap(number => logger.LogDebug("Reminder goes by SMS to {Mobile}", number)) // leak TC1001 direct
            .Tap(number => Activity.Current?.SetTag("referral.sms.country_prefix", number[..3])) // clean precision-about
            .OnNone(() => logger.LogDebug("No SMS consent for {PatientRef}", pseudonymizer.ComputeReferralPatientId(patient.NhsNumber))); // clean precision-pseudonym

        OneOf<SmsSent, LetterQueued, ContactRefused> outcome = mobile.HasValue
            ? await SendSmsAsync(mobile.ValueOr(string.Empty), patient, booked, cancellationToken)
            : new LetterQueued($"L-{booked.Ubrn}", booked.Slot.ToString("yyyyMMdd"));

        outcome.Switch(
            sent => logger.LogInformation("Reminder SMS {Sid} sent in {Segments} segments", sent.MessageSid, sent.Segments), // clean direct
            letter => logger.LogInformation("Reminder letter {LetterId} queued in batch {Batch}", letter.LetterId, letter.PrintBatch), // clean direct
            refused => logger.LogWarning("Reminder refused: {Reason}", refused.Reason)); // leak TC1001 exceptions

        span.SetReferralOutcome(outcome.Match(_ => "sms", _ => "letter", _ => "refused")); // clean generated-api
        logger.LogInformation("Reminder for {Ubrn} ended as {Outcome}", booked.Ubrn, outcome); // leak TC1001 logging-objects
        return outcome;
    }

    private async Task<OneOf<SmsSent, LetterQueued, ContactRefused>> SendSmsAsync(string mobile, Patient patient, BookedReferral booked, CancellationToken cancellationToken)
    {
        var body = ReminderText(patient, booked);
        Activity.Current?.SetTag("referral.sms.length", body.Length); // clean precision-about
        logger.LogDebug("SMS body: {Body}", body); // leak TC1001 strings
        var sent = await Result.TryAsync(() => sms.SendAsync(mobile, body, cancellationToken));
        sent.OnFailure(error => Activity.Current?.SetTag("referral.sms.error", error.Code)); // clean exceptions
        return sent.Match<OneOf<SmsSent, LetterQueued, ContactRefused>>(
            ok => ok,
            error => error.Code == nameof(TimeoutException)
                ? new LetterQueued($"L-{booked.Ubrn}", "fallback")
                : new ContactRefused(error.Message));
    }

    private static string ReminderText(Patient patient, BookedReferral booked) =>
        $"Dear {patient.GivenName}, your appointment at {booked.Clinic} is on {booked.Slot:dddd d MMMM 'at' HH:mm}.";
}

/// <summary>Maps the hospital number kept by the old PAS onto the new one's numeric key.</summary>
public sealed class PasKeyMigration(ILogger<PasKeyMigration> logger)
{
    public Option<long> NewKey(Patient patient) =>
        Result.Try(() => long.Parse(patient.HospitalNumber.TrimStart('H')))
            .OnFailure(error => logger.LogWarning("Hospital number could not be mapped: {Error}", error)) // leak TC1001 exceptions
            .OnFailure(error => logger.LogWarning("Mapping failed with {ErrorCode}", error.Code)) // clean exceptions
            .Match(key => Option.Some(key), _ => Option.None<long>());

    public void Report(IEnumerable<Patient> batch)
    {
        var keys = batch.Select(p => (p.HospitalNumber, Key: NewKey(p))).ToList();
        var unmapped = keys.Count(k => !k.Key.HasValue);
        logger.LogInformation("Mapped {Mapped} of {Total} hospital numbers", keys.Count - unmapped, keys.Count); // clean precision-about
        logger.LogDebug("First unmapped: {First}", keys.FirstOrNone(k => !k.Key.HasValue).Map(k => k.HospitalNumber)); // leak TC1001 cross-member
    }
}
