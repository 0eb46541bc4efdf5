namespace PrivacyHoldout213.Education;

public sealed record ParentVolunteerMessage(string VolunteerId, string ParentName, string Mobile, string SchoolUrn, string WorkDayId, string DbsCertificate);

/// <summary>Parents who volunteer at the school allotment's work days, from a topic keyed by volunteer id.</summary>
public sealed class WorkDayVolunteerConsumer(
    IConsumer<string, ParentVolunteerMessage> consumer,
    VolunteerRota rota,
    Pseudonymizer pseudonymizer,
    ILogger<WorkDayVolunteerConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("PupilPlot.Volunteers");
    private static readonly Counter<long> SignUps = new Meter("PupilPlot.Volunteers").CreateCounter<long>("pupilplot.volunteer.signups");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var message = result.Message.Value;
            using var activity = Source.StartActivity("VolunteerSignUp");
            activity?.SetTag("messaging.destination", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("pupilplot.workday", message.WorkDayId); // clean precision-names
            activity?.SetTag("pupilplot.dbs.last4", message.DbsCertificate[^4..]); // clean precision-about
            activity?.SetTag("pupilplot.dbs", message.DbsCertificate); // leak TC1001 direct
            SignUps.Add(1, new KeyValuePair<string, object?>("school", message.SchoolUrn)); // clean precision-names
            SignUps.Add(1, new KeyValuePair<string, object?>("volunteer", message.VolunteerId)); // leak TC1003 direct

            var signUp = rota.SignUp(message.VolunteerId, message.ParentName, message.Mobile, message.WorkDayId);
            logger.LogInformation("Signed up {@SignUp}", signUp); // leak TC1001 logging-objects
            logger.LogInformation("Signed up for {WorkDay}, volunteer {Volunteer}", signUp.WorkDayId, pseudonymizer.Pseudonymize("volunteer", signUp.VolunteerId)); // clean precision-pseudonym
            var bucket = message.Mobile.GetHashCode() % 8;
            logger.LogDebug("Reminder bucket {Bucket}", bucket); // leak TC1002 hashes
            var keyed = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("school-allotments"), Encoding.UTF8.GetBytes(message.VolunteerId)));
            logger.LogDebug("Volunteer key {Key}", keyed); // leak TC1002 hashes
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
