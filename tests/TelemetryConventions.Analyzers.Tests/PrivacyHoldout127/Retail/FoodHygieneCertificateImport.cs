namespace PrivacyHoldout127.Retail;

/// <summary>Imports the external provider's nightly file of food hygiene certificates (payroll number, name, certificate number, level, dates).</summary>
public sealed class FoodHygieneCertificateImport(IComplianceStore store, Pseudonymizer pseudonymizer, ILogger<FoodHygieneCertificateImport> logger)
{
    private static readonly ActivitySource Source = new("Retail.ColleagueTraining.Import");
    private static readonly Meter Meter = new("Retail.ColleagueTraining.Import");
    private static readonly Counter<long> Rows = Meter.CreateCounter<long>("colleaguetrain.import.rows");

    public async Task ImportAsync(string fileName, IReadOnlyList<string> lines, CancellationToken ct)
    {
        using var activity = Source.StartActivity("colleaguetrain.import");
        activity?.SetTag("colleaguetrain.import.file", fileName); // clean precision-names
        activity?.SetTag("colleaguetrain.import.lines", lines.Count); // clean precision-about
        var header = lines[0];
        activity?.SetTag("colleaguetrain.import.header", header); // clean precision-names
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != 6)
            {
                logger.LogWarning("Line {Line} has {Cells} cells", i, cells.Length); // clean precision-about
                logger.LogDebug("Malformed line {Line}: {Text}", i, lines[i]); // leak TC1001 strings
                Rows.Add(1, new KeyValuePair<string, object?>("outcome", "malformed")); // clean precision-about
                continue;
            }
            var (payroll, name, number, level) = (cells[0], cells[1], cells[2], cells[3]);
            if (!DateOnly.TryParse(cells[5], CultureInfo.InvariantCulture, out var expires))
            {
                activity?.AddEvent(new ActivityEvent("row.bad_expiry", tags: new ActivityTagsCollection { ["certificate"] = number })); // leak TC1001 direct
                activity?.AddEvent(new ActivityEvent("row.bad_expiry", tags: new ActivityTagsCollection { ["line"] = i, ["level"] = level })); // clean precision-about
                continue;
            }
            await store.RecordCompletionAsync(payroll, $"food-hygiene-{level}", expires.AddYears(-3), ct);
            using var span = Source.StartColleaguetrainRecord($"food-hygiene-{level}")
                .SetColleaguetrainCertType($"food-hygiene-{level}") // clean precision-names
                .SetColleaguetrainColleagueId(pseudonymizer.PseudonymizeColleaguetrainColleagueId(payroll)) // clean precision-pseudonym
                .SetColleaguetrainCertificateRef($"{name}/{number}"); // leak TC1001 generated-api
            Rows.Add(1, new("outcome", "imported"), new("level", level)); // clean precision-names
        }
    }
}
