namespace PrivacyHoldout142.Energy;

/// <summary>An employee's request for a virtual personal trainer. Prints employee number, goal, preferred slot and whether on an offshore rota.</summary>
public sealed record TrainerMatchRequest(string EmployeeNumber, string Goal, string PreferredSlot, bool OffshoreRota);

/// <summary>Matches employees with the scheme's virtual personal trainers and issues family guest passes to partner gyms.</summary>
public sealed class TrainerMatchingHandler(
    ICoachingStore coaching,
    IGuestPassService guests,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TrainerMatchingHandler> logger)
{
    private readonly Counter<long> _matches = meter.CreateCounter<long>("wellpower.trainer.matches", "{match}");
    private Trainer? _busiest;

    public async Task<PtSession?> MatchAsync(TrainerMatchRequest request, string trainerStaffId, DateTimeOffset startsAt, CancellationToken cancellationToken)
    {
        using var span = source.StartWellpowerOperation("virtual-pt");
        span.SetWellpowerTrainerId(pseudonymizer.PseudonymizeWellpowerTrainerId(trainerStaffId)).SetWellpowerEmployeeId(pseudonymizer.PseudonymizeWellpowerEmployeeId(request.EmployeeNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("wellpower.pt.goal", request.Goal); // clean precision-about
        Activity.Current?.SetTag("wellpower.pt.offshore", request.OffshoreRota); // clean precision-about
        logger.LogInformation("Match request {Request}", request); // leak TC1001 logging-objects

        var trainer = await coaching.TrainerAsync(trainerStaffId, cancellationToken);
        var clients = await coaching.ClientsOfAsync(trainerStaffId, cancellationToken);
        Activity.Current?.SetTag("wellpower.pt.client_count", clients.Count); // clean precision-names
        if (_busiest is null || clients.Count > 20)
        {
            _busiest = trainer;
        }

        logger.LogInformation("Trainer {Trainer} has clients {Clients}", trainer.DisplayName, clients); // leak TC1001 direct
        try
        {
            var session = await coaching.BookSessionAsync(trainerStaffId, request.EmployeeNumber, startsAt, cancellationToken);
            logger.LogInformation("Session {SessionId} for {Minutes} minutes", session.SessionId, session.Minutes); // clean precision-names
            _matches.Add(1, new KeyValuePair<string, object?>("goal", request.Goal), new("trainer", pseudonymizer.PseudonymizeWellpowerTrainerId(trainerStaffId).Value)); // leak TC1003 precision-pseudonym
            return session;
        }
        catch (TrainerUnavailableException ex)
        {
            logger.LogWarning(ex, "Trainer unavailable at {At}", ex.At); // leak TC1001 exceptions
            span.RecordException(ex); // clean generated-api
            span.SetWellpowerNote($"trainer unavailable at {ex.At:HH:mm}"); // clean generated-api
            return null;
        }
    }

    public async Task<GuestPass?> FamilyPassAsync(string employeeNumber, string guestName, string guestEmail, DateOnly day, CancellationToken cancellationToken)
    {
        try
        {
            var pass = await guests.IssueAsync(employeeNumber, guestName, guestEmail, day, cancellationToken);
            logger.LogInformation("Family pass {PassId} for {ValidOn}", pass.PassId, pass.ValidOn); // clean precision-names
            logger.LogInformation("Family pass code {PassCode}", pass.PassCode); // leak TC1001 direct
            logger.LogInformation("Family pass code prefix {Prefix}, length {Length}", pass.PassCode[..4], pass.PassCode.Length); // clean precision-about
            Activity.Current?.SetTag("wellpower.guest", pseudonymizer.Pseudonymize("guest", guestEmail)); // clean precision-pseudonym
            Activity.Current?.SetTag(WellpowerAttributes.Contact, pseudonymizer.Compute("guest", guestEmail)); // leak TC1001 precision-pseudonym
            return pass;
        }
        catch (GuestPassLimitException ex)
        {
            logger.LogInformation(ex, "Family pass limit of {Allowed} reached", ex.Allowed); // clean exceptions
            return null;
        }
        catch (GuestBarredException ex)
        {
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            return null;
        }
    }

    public void ReportBusiest()
    {
        Activity.Current?.SetTag("wellpower.pt.busiest", _busiest?.Email); // leak TC1001 cross-member
    }
}
