namespace PrivacyHoldout153.Media;

/// <summary>Handles applications to the dental makeover series: checks age and duplicates and passes the shortlist to casting.</summary>
public sealed class MakeoverApplicationsHandler(
    IQueueReceiver<MakeoverApplication> applications,
    IEditorialDesk desk,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<MakeoverApplicationsHandler> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("HealthDesk.Makeover");
    private static readonly Meter Meter = new("HealthDesk.Makeover");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("healthdesk.makeover.applications");

    private readonly HashSet<string> _seenEmails = new(StringComparer.OrdinalIgnoreCase);
    private MakeoverApplication? _longestStory;
    private int _underage;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var application = await applications.ReceiveAsync(stoppingToken);
            if (application is null)
            {
                continue;
            }

            using var span = Source.StartHealthdeskOperation("smile-makeover");
            span.SetHealthdeskApplicantId(pseudonymizer.PseudonymizeHealthdeskApplicantId(application.Email)); // clean generated-api
            Activity.Current?.SetTag("makeover.region", application.Region); // clean precision-about
            Activity.Current?.SetTag("makeover.application", application.ApplicationId); // clean precision-names
            Applications.Add(1, new KeyValuePair<string, object?>("makeover.region", application.Region), new KeyValuePair<string, object?>("makeover.age_band", application.Age / 10 * 10)); // clean precision-about

            try
            {
                if (application.Age < 18)
                {
                    _underage++;
                    throw new ApplicantUnderageException(application.ApplicationId);
                }
                if (!_seenEmails.Add(application.Email))
                {
                    throw new DuplicateApplicantException(application.Email);
                }
            }
            catch (ApplicantUnderageException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                continue;
            }
            catch (DuplicateApplicantException ex)
            {
                span.SetHealthdeskNote(ex.Message); // leak TC1001 exceptions
                logger.LogInformation("Duplicate application {ApplicationId} dropped", application.ApplicationId); // clean exceptions
                continue;
            }

            if (_longestStory is null || application.Story.Length > _longestStory.Story.Length)
            {
                _longestStory = application;
            }

            span.SetHealthdeskNote(application.Story); // leak TC1001 generated-api
            Activity.Current?.SetTag("makeover.story.words", application.Story.Split(' ').Length); // clean precision-about
            Activity.Current?.SetTag("makeover.applicant.phone", application.Phone); // leak TC1001 direct
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(application.Email))[0] % 4;
            Applications.Add(0, new KeyValuePair<string, object?>("makeover.shard", shard)); // clean hashes
            Activity.Current?.SetTag("makeover.applicant.key", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(application.Email)))); // leak TC1002 hashes
            var shortlist = await desk.ShortlistAsync(application, stoppingToken);
            logger.LogInformation("Shortlisted {Applicant} as {Shortlist}", CastingLine(application), shortlist); // leak TC1001 strings
        }
    }

    private static string CastingLine(MakeoverApplication application) => $"{application.ApplicantName} ({application.Age}, {application.Region})";

    public void ReportWeek()
    {
        logger.LogInformation("Under-age applications this week: {Count}", _underage); // clean cross-member
        logger.LogInformation("Longest story from {Applicant}", _longestStory?.ApplicantName); // leak TC1001 cross-member
        logger.LogInformation("Longest story is {Length} characters", _longestStory?.Story.Length); // clean cross-member
    }
}
