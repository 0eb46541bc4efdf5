namespace PrivacyHoldout171.Gaming;

public sealed record TeamTravelHire(string PlayerId, string Gamertag, string LegalName, string LicenceNumber, string Tournament, string City, int Days);

/// <summary>The esports team manager books hire cars for players travelling to tournaments.</summary>
[ApiController]
[Route("api/team-travel")]
public sealed partial class TeamTravelHireController(
    ILicenceCheckService licences,
    IDepositGateway deposits,
    Pseudonymizer pseudonymizer,
    ILogger<TeamTravelHireController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.TeamTravel");
    private static readonly Meter Meter = new("Studio.TeamTravel");
    private readonly SquadcarRentalsCounter _rentals = Meter.CreateSquadcarRentalsCounter();

    [HttpPost("hires")]
    public async Task<ActionResult> Hire([FromBody] TeamTravelHire hire, CancellationToken cancellationToken)
    {
        using var span = Source.StartSquadcarOperation(hire.City);
        span.SetSquadcarRenterId(pseudonymizer.PseudonymizeSquadcarRenterId(hire.PlayerId)); // clean generated-api
        span.SetSquadcarNote($"{hire.Tournament}, {hire.Days} days"); // clean generated-api
        span.SetSquadcarNote($"Hire for {hire.Gamertag}"); // leak TC1001 generated-api

        Activity.Current?.SetTag("team.tournament", hire.Tournament); // clean precision-names
        Activity.Current?.SetTag("team.player.gamertag", hire.Gamertag); // leak TC1001 direct
        LogHireRequested(logger, hire.Gamertag, hire.Tournament); // clean precision-names
        LogHireForPlayer(logger, hire.LegalName, hire.City); // leak TC1001 direct

        var check = await licences.CheckAsync(hire.LicenceNumber, "team", cancellationToken);
        if (!check.Valid)
        {
            var error = new LicenceInvalidException(hire.LicenceNumber);
            span.RecordException(error); // clean generated-api
            logger.LogCritical(error, "Cannot hire for player in {Tournament}", hire.Tournament); // leak TC1001 exceptions
            return BadRequest("licence");
        }

        var hold = new DepositHold(Guid.NewGuid().ToString("N"), "4000000000000002", "0002", 500m, "EUR", hire.PlayerId);
        try
        {
            var result = await deposits.AuthoriseAsync(hold, cancellationToken);
            Activity.Current?.SetTag("team.deposit.status", result.Status); // clean precision-about
            Activity.Current?.SetTag("team.deposit.card.last4", hold.CardLastFour); // clean precision-about
        }
        catch (DepositDeclinedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning("Deposit hold {Hold} declined", hold); // leak TC1001 logging-objects
            _rentals.Add(1, hire.City, ex.DeclineCode); // clean generated-api
            return BadRequest("deposit");
        }

        _rentals.Add(1, hire.City, "booked"); // clean generated-api
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hire requested for {Gamertag} at {Tournament}")]
    private static partial void LogHireRequested(ILogger logger, [PrivateData] string gamertag, string tournament);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hire requested for {LegalName} in {City}")]
    private static partial void LogHireForPlayer(ILogger logger, string legalName, string city);
}

/// <summary>Keeps the travel desk's view of which player drives which hire car during a tournament.</summary>
public sealed class TournamentDriverRoster(ILogger<TournamentDriverRoster> logger)
{
    private static readonly ActivitySource Source = new("Studio.TeamTravel.Roster");
    private readonly Dictionary<string, string> _gamertagByAgreement = new();

    public void Assign(string agreementNumber, string gamertag, string fleetPlate)
    {
        _gamertagByAgreement[agreementNumber] = gamertag;
        using var activity = Source.StartActivity("roster.assign");
        activity?.SetTag("roster.agreement", agreementNumber); // clean precision-names
        activity?.SetTag("roster.fleet_plate", fleetPlate); // clean precision-names
        activity?.SetTag("roster.drivers", _gamertagByAgreement.Count); // clean precision-about
        TagAgreement(activity, agreementNumber); // clean cross-member
        activity?.SetTag("roster.latest", _gamertagByAgreement[agreementNumber]); // leak TC1001 cross-member
        logger.LogInformation("Roster now {Roster}", _gamertagByAgreement); // leak TC1001 logging-objects
    }

    private static void TagAgreement(Activity? activity, string agreementNumber)
    {
        activity?.SetTag("roster.last_agreement", agreementNumber); // clean precision-names
    }
}
