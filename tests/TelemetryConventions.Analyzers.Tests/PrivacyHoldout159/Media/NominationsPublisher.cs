namespace PrivacyHoldout159.Media;

// Checks nomination papers and publishes the statement of persons nominated; home addresses are withheld when the candidate asks.
public sealed partial class NominationsPublisher(ILogger<NominationsPublisher> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter)
{
    private static readonly ActivitySource Source = new("Council.Elections.Nominations");
    private readonly Counter<long> nominations = meter.CreateCounter<long>("nominations.received");
    private readonly List<Nomination> invalid = new();

    [LoggerMessage(Level = LogLevel.Information, Message = "Nomination {NominationId} for {Ward} received for {BallotName}")]
    private static partial void LogReceived(ILogger logger, Guid nominationId, string ward, string ballotName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Candidate home address {HomeAddress} withheld")]
    private static partial void LogWithheld(ILogger logger, string homeAddress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Candidate contact {Email} saved")]
    private static partial void LogContact(ILogger logger, [PrivateData] string email);

    public void Receive(Nomination nomination, bool withholdAddress, int subscribers)
    {
        using var activity = Source.StartActivity("nomination.receive");
        LogReceived(logger, nomination.NominationId, nomination.Ward, nomination.CandidateBallotName); // clean logging-objects
        LogContact(logger, nomination.Email); // clean logging-objects
        activity?.SetTag("nomination.id", nomination.NominationId); // clean precision-names
        activity?.SetTag("nomination.ward", nomination.Ward); // clean precision-about
        activity?.SetTag("nomination.subscribers", subscribers); // clean precision-about
        activity?.SetTag("nomination.address_withheld", withholdAddress); // clean precision-about
        activity?.SetTag("nomination.candidate.email", nomination.Email); // leak TC1001 direct
        nominations.Add(1, new KeyValuePair<string, object?>("ward", nomination.Ward)); // clean precision-about
        nominations.Add(1, new KeyValuePair<string, object?>("candidate", pseudonymizer.ComputeElectionnightElectorId(nomination.Email))); // leak TC1003 precision-pseudonym
        activity?.SetTag("nomination.dedupe", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nomination.HomeAddress)))[..16]); // leak TC1002 hashes

        if (withholdAddress)
        {
            LogWithheld(logger, nomination.HomeAddress); // leak TC1001 logging-objects
        }

        if (subscribers < 10)
        {
            invalid.Add(nomination);
            logger.LogWarning("Nomination {Nomination} invalid: {Subscribers} subscribers", nomination, subscribers); // leak TC1001 logging-objects
            logger.LogWarning("Nomination {NominationId} invalid: {Subscribers} subscribers", nomination.NominationId, subscribers); // clean precision-names
        }
    }

    public void Publish(string ward)
    {
        logger.LogInformation("Statement published for {Ward}: {Names}", ward, string.Join(", ", invalid.Select(n => n.CandidateBallotName))); // clean cross-member
        logger.LogInformation("Invalid nominations' agents: {Agents}", invalid.Select(n => n.AgentEmail).ToArray()); // leak TC1001 cross-member
        Activity.Current?.SetTag("nomination.invalid.count", invalid.Count); // clean cross-member
    }
}
