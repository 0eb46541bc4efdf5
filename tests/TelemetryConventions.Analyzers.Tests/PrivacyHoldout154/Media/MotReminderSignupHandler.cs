namespace PrivacyHoldout154.Media;

/// <summary>Readers sign up for a free MOT reminder by email; the road test desk's press cars are tracked beside them.</summary>
public sealed class MotReminderSignupHandler(ILogger<MotReminderSignupHandler> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("MotorMag.Reminders");
    private static readonly Meter ReminderMeter = new("MotorMag.Reminders");
    private static readonly Counter<int> Signups = ReminderMeter.CreateCounter<int>("reminders.signups");

    public void Handle(MotReminderSignup signup, string readerNumber)
    {
        using var activity = Source.StartActivity("reminder.signup");
        activity?.SetTag("reminder.due_month", signup.Due.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
        activity?.SetTag(MotormagAttributes.Contact, signup.Email); // leak TC1001 generated-api
        activity?.SetTag(MotormagAttributes.Contact, pseudonymizer.Compute("reader_email", signup.Email)); // leak TC1001 precision-pseudonym
        activity?.SetTag(MotormagAttributes.ReaderId, pseudonymizer.ComputeMotormagReaderId(readerNumber)); // clean precision-pseudonym
        activity?.SetTag("reminder.email_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(signup.Email.Trim().ToLowerInvariant())))); // leak TC1002 hashes
        logger.LogInformation("Reminder set {Signup}", signup); // leak TC1001 logging-objects
        logger.LogInformation("Reminder set for {Registration}", MaskPlate(signup.Registration)); // clean strings
        logger.LogInformation("Reminder set for {Registration}", Normalise(signup.Registration)); // leak TC1001 strings
        Signups.Add(1, new KeyValuePair<string, object?>("reminder.due_month", signup.Due.Month)); // clean precision-about
    }

    public void TrackPressCar(string pressFleetRegistration, string manufacturer, string roadTester)
    {
        using var activity = Source.StartActivity("presscar.loan");
        activity?.SetTag("presscar.registration", pressFleetRegistration); // clean precision-names
        activity?.SetTag("presscar.manufacturer", manufacturer); // clean precision-about
        activity?.SetTag("presscar.road_tester", roadTester); // leak TC1001 direct
    }

    private static string MaskPlate(string registration) => registration.Length > 2 ? registration[..2] + new string('*', registration.Length - 2) : "**";

    private static string Normalise(string registration) => registration.Replace(" ", "").ToUpperInvariant();
}
