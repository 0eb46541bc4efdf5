namespace PrivacyHoldout122.Gaming;

/// <summary>The KYC session a player opens from the cashier: the player, the vendor's applicant and the SDK session.</summary>
public sealed class KycSession
{
    public Guid SessionId { get; init; } = Guid.NewGuid();

    public Guid PlayerId { get; init; }

    public string Gamertag { get; init; } = string.Empty;

    public Applicant Applicant { get; init; } = new();

    public string Platform { get; init; } = "pc";
}

/// <summary>Logs and tags each step of a KYC session from the cashier's session object.</summary>
public sealed class KycSessionScope(Pseudonymizer pseudonymizer, ILogger<KycSessionScope> logger)
{
    public void StepCompleted(KycSession session, string step, TimeSpan took)
    {
        using var scope = logger.BeginScope("KYC session {SessionId} on {Platform}", session.SessionId, session.Platform); // clean cross-member
        using var playerScope = logger.BeginScope("Player {Gamertag}", session.Gamertag); // leak TC1001 cross-member
        Activity.Current?.SetTag("kyc.applicant_email", session.Applicant.Email); // leak TC1001 cross-member
        Activity.Current?.SetTag("kyc.applicant_name", session.Applicant.FirstName + " " + session.Applicant.LastName); // leak TC1001 strings
        Activity.Current?.SetTag("kyc.step", step); // clean precision-names
        Activity.Current?.SetTag("kyc.step_seconds", took.TotalSeconds); // clean precision-about
        Activity.Current?.SetTag("kyc.player_ref", pseudonymizer.ComputePlayeridvPlayerId(session.PlayerId.ToString())); // clean precision-pseudonym
        logger.LogInformation("Step {Step} done for applicant created {CreatedAt} with address {Address}", step, session.Applicant.CreatedAt, session.Applicant.Address?.Postcode); // leak TC1001 cross-member
        logger.LogInformation("Step {Step} done for {Session}", step, session); // clean logging-objects
    }
}
