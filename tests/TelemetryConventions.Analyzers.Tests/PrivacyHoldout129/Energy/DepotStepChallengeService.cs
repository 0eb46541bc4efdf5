namespace PrivacyHoldout129.Energy;

public sealed record StaffSteps(string EmployeeNumber, string FirstName, string Depot, int Steps, string Source);

public sealed record DepotStanding(string Depot, int Participants, long TotalSteps, double StepsPerHead);

public interface IWellbeingPortal
{
    Task<IReadOnlyList<StaffSteps>> WeekAsync(string challengeId, int week, CancellationToken cancellationToken);
}

/// <summary>The network operator's depot step challenge for Mental Health Awareness Week: weekly totals per depot from the wellbeing portal.</summary>
public sealed class DepotStepChallengeService(IWellbeingPortal portal, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<DepotStepChallengeService> logger)
{
    private static readonly ActivitySource Source = new("Wellbeing.DepotSteps");
    private static readonly Meter Meter = new("Wellbeing.DepotSteps");
    private static readonly Histogram<long> DepotSteps = Meter.CreateHistogram<long>("wellbeing.depot.steps", "{step}");

    public async Task<IReadOnlyList<DepotStanding>> StandingsAsync(string challengeId, int week, CancellationToken cancellationToken)
    {
        using var span = Source.StartFieldwellSync(fieldwellSource: "wellbeing-portal");
        span.SetFieldwellChallenge(challengeId); // clean precision-names
        var rows = await portal.WeekAsync(challengeId, week, cancellationToken);
        span.SetFieldwellSampleCount(rows.Count); // clean precision-about

        var standings = rows
            .GroupBy(r => r.Depot)
            .Select(g => new DepotStanding(g.Key, g.Count(), g.Sum(r => (long)r.Steps), g.Average(r => r.Steps)))
            .OrderByDescending(s => s.StepsPerHead)
            .ToList();

        foreach (var standing in standings)
        {
            DepotSteps.Record(standing.TotalSteps, new KeyValuePair<string, object?>("depot", standing.Depot)); // clean precision-names
        }

        logger.LogInformation("Depot standings {Standings}", standings); // clean logging-objects
        logger.LogInformation("Week {Week} of {Challenge}: {Participants} walkers, top depot {Depot}", week, challengeId, rows.Count, standings.FirstOrDefault()?.Depot); // clean precision-about

        var top = rows.OrderByDescending(r => r.Steps).Take(3).ToList();
        logger.LogInformation("Top walkers {Walkers}", top.Select(r => $"{r.FirstName} ({r.Depot})")); // leak TC1001 strings
        span.Activity?.SetTag("challenge.top_walker", top.FirstOrDefault()?.EmployeeNumber); // leak TC1001 cross-member
        span.Activity?.SetTag("challenge.top_steps", top.FirstOrDefault()?.Steps); // clean precision-about
        span.Activity?.SetTag("challenge.top_walkers", top.Select(r => pseudonymizer.ComputeFieldwellEmployeeId(r.EmployeeNumber)).ToArray()); // clean precision-pseudonym

        var suspicious = rows.Where(r => r.Steps > 200_000).ToList();
        if (suspicious.Count > 0)
        {
            logger.LogWarning("{Count} suspicious totals from sources {Sources}", suspicious.Count, suspicious.Select(r => r.Source).Distinct()); // clean precision-about
            logger.LogWarning("Suspicious totals {Rows}", suspicious); // leak TC1001 logging-objects
            span.Activity?.SetTag("challenge.suspicious.ids", string.Join(";", suspicious.Select(r => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(r.EmployeeNumber)))))); // leak TC1002 hashes
            span.Activity?.SetTag("challenge.suspicious.lanes", string.Join(";", suspicious.Select(r => Lane(r.EmployeeNumber)))); // clean hashes
        }

        return standings;
    }

    private int Lane(string employeeNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(employeeNumber))[0] % 8;
    }
}
