namespace PrivacyHoldout107.Education;

/// <summary>A prospective student's lead as the scoring job reads it from the CRM. Prints its members.</summary>
public sealed record ProspectLead(Guid LeadId, string Email, string FirstName, string? UcasPersonalId, string CourseCode, string Country, IReadOnlyList<string> Activities);

/// <summary>Scores admissions leads nightly and promotes those over the threshold to marketing-qualified.</summary>
public sealed class LeadScoringService(
    ILeadScorer scorer,
    ICrmServiceClient crm,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    CrmSyncOptions options,
    ILogger<LeadScoringService> logger)
{
    private static readonly ActivitySource Source = new("University.Admissions.Scoring");
    private static readonly Meter Meter = new("University.Admissions.Scoring");
    private static readonly Histogram<int> Scores = Meter.CreateHistogram<int>("admcrm.lead.score");

    public async Task ScoreAsync(IReadOnlyList<ProspectLead> leads, CancellationToken cancellationToken)
    {
        using var span = Source.StartAdmcrmSync("lead scoring");
        span.SetAdmcrmBatchSize(leads.Count); // clean precision-about
        var qualified = new Dictionary<string, int>();

        foreach (var lead in leads)
        {
            var profile = new Dictionary<string, string> { ["course"] = lead.CourseCode, ["country"] = lead.Country };
            var score = scorer.Score(profile, lead.Activities);
            logger.LogDebug("Scored {Score}", score); // clean logging-objects
            logger.LogDebug("Points by rule {Contributions}", score.Contributions); // clean logging-objects
            Scores.Record(score.Score, new KeyValuePair<string, object?>("course", lead.CourseCode), new KeyValuePair<string, object?>("grade", score.Grade)); // clean precision-names
            Scores.Record(score.Score, new KeyValuePair<string, object?>("ucas.id", lead.UcasPersonalId)); // leak TC1003 direct

            if (score.Score >= options.MqlThreshold)
            {
                qualified[lead.Email] = score.Score;
                await crm.UpdateAsync(new Entity("lead", lead.LeadId) { ["adm_stage"] = "mql", ["adm_score"] = score.Score }, cancellationToken);
                using var promote = Source.StartAdmcrmSync("promote mql");
                promote.SetAdmcrmLeadScore(score.Score); // clean precision-about
                promote.SetAdmcrmApplicantId(pseudonymizer.PseudonymizeAdmcrmApplicantId(lead.Email)); // clean precision-pseudonym
                promote.SetAdmcrmNote($"{lead.FirstName} promoted at {score.Score} for {lead.CourseCode}"); // leak TC1001 generated-api
                promote.Activity?.SetTag("lead.shard", Shard(lead.Email)); // clean hashes
                promote.Activity?.SetTag("lead.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(lead.Email)))[..16]); // leak TC1002 hashes
            }
        }

        logger.LogInformation("Qualified leads {Qualified}", qualified); // leak TC1001 logging-objects
        logger.LogInformation("{Count} leads qualified, top score {Top}", qualified.Count, qualified.Count == 0 ? 0 : qualified.Values.Max()); // clean precision-about
        span.SetAdmcrmNote($"{qualified.Count} of {leads.Count} qualified at threshold {options.MqlThreshold}"); // clean generated-api
    }

    public void LogLead(ProspectLead lead, LeadScore score)
    {
        logger.LogInformation("Lead {Lead} scored {Score}", lead, score.Score); // leak TC1001 logging-objects
        logger.LogInformation("Lead {LeadHash} scored {Score}", lead.Email.GetHashCode().ToString("x8", CultureInfo.InvariantCulture), score.Score); // leak TC1002 hashes
        logger.LogInformation("Lead {UcasRef} has {Activities} activities", lead.UcasPersonalId is null ? "none" : "present", lead.Activities.Count); // clean precision-about
    }

    private string Shard(string email)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(email));
        return (mac[0] % 32).ToString(CultureInfo.InvariantCulture);
    }
}
