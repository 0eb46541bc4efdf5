namespace PrivacyHoldout213.Healthcare;

/// <summary>Reminds patients and volunteers of therapy garden work days, read from the trust's queue.</summary>
public sealed class TherapyGardenRotaWorker(
    IQueueReceiver<VolunteerSignUp> signUps,
    VolunteerRota rota,
    Pseudonymizer pseudonymizer,
    ILogger<TherapyGardenRotaWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Greenrx.Rota");
    private readonly Dictionary<string, int> _signUpsByVolunteer = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var signUp = await signUps.ReceiveAsync(stoppingToken);
            if (signUp is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("RotaReminder");
            var day = rota.Day(signUp.WorkDayId);
            activity?.SetTag("greenrx.workday.id", signUp.WorkDayId); // clean precision-names
            activity?.SetTag("greenrx.workday.places", day.Places); // clean precision-about
            activity?.SetTag("greenrx.volunteer.id", signUp.VolunteerId); // leak TC1001 direct
            activity?.SetTag("greenrx.volunteer", pseudonymizer.Pseudonymize("volunteer", signUp.VolunteerId)); // clean precision-pseudonym
            logger.LogInformation("Work day {WorkDay}", day); // clean logging-objects
            logger.LogInformation("Volunteer signed up: {SignUp}", signUp); // leak TC1001 logging-objects
            using (logger.BeginScope(new Dictionary<string, object> { ["WorkDayId"] = day.WorkDayId, ["Site"] = day.SiteId })) // clean logging-objects
            {
                _signUpsByVolunteer[signUp.VolunteerId] = _signUpsByVolunteer.GetValueOrDefault(signUp.VolunteerId) + 1;
                try
                {
                    rota.Remind(signUp.Mobile, $"See you on {day.Date:d}");
                }
                catch (VolunteerUnavailableException ex)
                {
                    activity?.AddException(ex); // leak TC1001 exceptions
                    logger.LogWarning("Reminder failed: {Error}", ex.GetType().Name); // clean exceptions
                }
            }

            logger.LogInformation("Reminder text was {Text}", $"Hi {signUp.Name}, see you on {day.Date:d}"); // leak TC1001 strings
            logger.LogInformation("Volunteers with more than one day: {Volunteers}", string.Join(",", _signUpsByVolunteer.Where(p => p.Value > 1).Select(p => p.Key))); // leak TC1001 cross-member
            logger.LogInformation("Volunteers signed up so far: {Count}", _signUpsByVolunteer.Count); // clean cross-member
        }
    }
}
