namespace PrivacyHoldout160.Media;

/// <summary>Signs up patients who share their stories of living with a device (a pump, a stoma, a cochlear implant) for a documentary.</summary>
public sealed class ContributorDesk(
    ILogger<ContributorDesk> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> signups = meter.CreateCounter<long>("careview.contributors");
    private readonly Dictionary<string, string> storiesById = new();

    public void SignUp(Contributor contributor, string series)
    {
        using var activity = source.StartActivity("ContributorSignUp");
        activity?.SetTag("series", series); // clean precision-names
        activity?.SetTag("contributor.condition", contributor.Condition); // clean precision-about
        activity?.SetTag("contributor.name", contributor.FullName); // leak TC1001 precision-names
        activity?.SetTag("contributor.story_length", contributor.Story.Length); // clean precision-about
        activity?.SetTag(CareviewAttributes.ContributorId, pseudonymizer.ComputeCareviewContributorId(contributor.ContributorId)); // clean precision-pseudonym
        activity?.SetTag(CareviewAttributes.Contact, contributor.Email); // leak TC1001 generated-api
        activity?.SetTag(CareviewAttributes.Contact, pseudonymizer.Compute("contributor", contributor.Email)); // leak TC1001 generated-api
        signups.Add(1, new KeyValuePair<string, object?>("condition", contributor.Condition), new KeyValuePair<string, object?>("series", series)); // clean precision-about
        storiesById[contributor.ContributorId] = contributor.Story;
        logger.LogInformation("Contributor signed up {@Contributor}", contributor); // leak TC1001 logging-objects
        logger.LogInformation("Story received: {Story}", contributor.Story); // leak TC1001 direct
    }

    public void Withdraw(Contributor contributor)
    {
        storiesById.Remove(contributor.ContributorId);
        var ex = new ContributorWithdrewException(contributor.FullName);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
        Activity.Current?.SetTag("contributor.withdrawn", true); // clean precision-about
        logger.LogInformation("Withdrawal left {Remaining} stories", storiesById.Count); // clean precision-about
    }

    public void Audit()
    {
        logger.LogInformation("Stories on file: {Stories}", storiesById.Values.ToList()); // leak TC1001 cross-member
        logger.LogInformation("Contributors on file: {Ids}", storiesById.Keys.Select(id => pseudonymizer.ComputeCareviewContributorId(id)).ToList()); // clean precision-pseudonym
    }
}
