namespace PrivacyHoldout164.Gaming;

public sealed record LeagueSignUp(Guid PlayerId, string Gamertag, string UniversityEmail, string StudentNumber, string Campus, string TeamId);

public interface ILeagueRoster
{
    Task<bool> EmailVerifiedAsync(string universityEmail, CancellationToken cancellationToken = default);

    Task<int> TeamSizeAsync(string teamId, CancellationToken cancellationToken = default);
}

/// <summary>Students sign up to the publisher's university esports league with their university email.</summary>
[ApiController]
[Route("api/league/sign-ups")]
public sealed partial class LeagueRegistrationController(
    ILeagueRoster roster,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<LeagueRegistrationController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Publisher.Esports.League");
    private static readonly Meter Meter = new("Publisher.Esports.League");
    private readonly UniesportsRequestsCounter _requests = Meter.CreateUniesportsRequestsCounter();
    private static readonly Counter<long> SignUps = Meter.CreateCounter<long>("league.signups");

    [HttpPost]
    public async Task<ActionResult> SignUp([FromBody] LeagueSignUp signUp, CancellationToken cancellationToken)
    {
        using var span = Source.StartUniesportsOperation(signUp.Campus);
        span.SetUniesportsStudentId(pseudonymizer.PseudonymizeUniesportsStudentId(signUp.PlayerId.ToString())); // clean generated-api
        Activity.Current?.SetTag("league.team", signUp.TeamId); // clean direct
        Activity.Current?.SetTag("league.gamertag", signUp.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("league.gamertag_length", signUp.Gamertag.Length); // clean precision-about
        Activity.Current?.SetBaggage("league.player", pseudonymizer.ComputeUniesportsStudentId(signUp.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetBaggage("league.player_raw", signUp.PlayerId.ToString()); // leak TC1001 direct

        if (!await roster.EmailVerifiedAsync(signUp.UniversityEmail, cancellationToken))
        {
            var university = signUp.UniversityEmail.Split('@')[1];
            logger.LogWarning("University email at {Domain} not verified", university); // clean precision-about
            LogUnverified(logger, signUp.UniversityEmail); // leak TC1001 direct
            _requests.Add(1, signUp.Campus, "unverified"); // clean generated-api
            return new BadRequestResult("verify your email");
        }

        var size = await roster.TeamSizeAsync(signUp.TeamId, cancellationToken);
        logger.LogInformation("Signed up {SignUp}", signUp); // leak TC1001 logging-objects
        logger.LogInformation("Signed up to {TeamId}, team now {Size}", signUp.TeamId, size); // clean logging-objects
        var cohort = Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(signUp.StudentNumber)))[..4];
        Activity.Current?.SetTag("league.cohort", cohort); // clean hashes
        var dedupe = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(signUp.UniversityEmail.ToLowerInvariant())));
        Activity.Current?.SetTag("league.dedupe_key", dedupe); // leak TC1002 hashes
        SignUps.Add(1, new KeyValuePair<string, object?>("campus", signUp.Campus), new KeyValuePair<string, object?>("team", signUp.TeamId)); // clean precision-names
        SignUps.Add(1, new KeyValuePair<string, object?>("gamertag", signUp.Gamertag)); // leak TC1003 direct
        _requests.Add(1, signUp.Campus, "signed-up"); // clean generated-api
        return new OkResult(signUp.PlayerId);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Unverified university email {Email}")]
    private static partial void LogUnverified(ILogger logger, string email);
}
