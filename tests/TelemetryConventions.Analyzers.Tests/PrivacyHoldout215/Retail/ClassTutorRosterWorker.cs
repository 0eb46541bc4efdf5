namespace PrivacyHoldout215.Retail;

/// <summary>Assigns freelance class tutors to store classes and checks their DBS before classes with children.</summary>
public sealed class ClassTutorRosterWorker(
    IQueueReceiver<ClassSchedule> schedules,
    IMarketplaceStore store,
    IDbsGateway dbs,
    Pseudonymizer pseudonymizer,
    ILogger<ClassTutorRosterWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Retail.Roster");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var schedule = await schedules.ReceiveAsync(stoppingToken);
            if (schedule is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("roster.assign");
            activity?.SetTag("class.code", schedule.ClassCode); // clean precision-names
            activity?.SetTag("class.store", schedule.Store); // clean precision-names
            var tutorId = PickTutor(schedule);
            activity?.SetTag("class.tutor", tutorId); // leak TC1001 direct
            activity?.SetTag("class.tutor_pseudonym", pseudonymizer.Pseudonymize("tutor", tutorId)); // clean precision-pseudonym

            var tutor = await store.FindTutorAsync(tutorId, stoppingToken);
            if (tutor is null)
            {
                continue;
            }

            try
            {
                var check = await dbs.CheckAsync(tutor.TutorId, tutor.DbsCertificateNumber, stoppingToken);
                activity?.SetTag("dbs.status", check.Status); // clean precision-about
            }
            catch (DbsCheckFailedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, $"DBS failed: {ex.Message}"); // leak TC1001 exceptions
                logger.LogShopskillsOperationFailedEvent(schedule.Store, "dbs-failed", default, ex.Message); // leak TC1001 generated-api
            }
            catch (TutorUnavailableException ex)
            {
                logger.LogWarning(ex, "No tutor for {ClassCode}", schedule.ClassCode); // clean exceptions
            }

            logger.LogInformation("Tutor {Tutor} assigned", tutor); // leak TC1001 logging-objects
            logger.LogInformation("Tutor mobile {Mobile}", tutor.Mobile); // leak TC1001 direct
            logger.LogInformation("Tutor with {Subjects} subjects and rating {Rating}", tutor.Subjects.Length, tutor.AverageRating); // clean precision-about
            meter.CreateShopskillsOperationDurationHistogram().Record(1.2, schedule.Store); // clean generated-api
        }
    }

    private readonly Dictionary<string, string> _rosterByClass = new(StringComparer.OrdinalIgnoreCase);
    private string _fallbackTutorId = "unassigned";

    public void LoadRoster(IEnumerable<(string ClassCode, string TutorId)> roster, string fallbackTutorId)
    {
        foreach (var (classCode, tutorId) in roster)
        {
            _rosterByClass[classCode] = tutorId;
        }

        _fallbackTutorId = fallbackTutorId;
    }

    private string PickTutor(ClassSchedule schedule) => _rosterByClass.TryGetValue(schedule.ClassCode, out var tutorId) ? tutorId : _fallbackTutorId;
}
