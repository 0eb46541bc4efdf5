namespace PrivacyHoldout115.Energy;

public sealed class OverrideRowException(int line, string row)
    : Exception($"Line {line} of the override file is not 'account,meterSerial,variant': {row}")
{
    public int Line { get; } = line;
}

/// <summary>
/// Imports the support team's spreadsheet of customers who asked to try the new usage graphs (the
/// trial group) as individual targets on the flag, checking each row before it is saved.
/// </summary>
public sealed class EarlyAccessOverrideImport(IFlagStore store, Pseudonymizer pseudonymizer, ILogger<EarlyAccessOverrideImport> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Flags.Import");
    private static readonly Meter Meter = new("Supplier.Flags.Import");
    private static readonly Counter<long> Rows = Meter.CreateCounter<long>("flags.import.rows");

    public async Task ImportAsync(string flagKey, IReadOnlyList<string> lines, string importedBy, CancellationToken ct)
    {
        using var span = Source.StartGridflagChange(flagKey).SetGridflagOperatorId(pseudonymizer.PseudonymizeGridflagOperatorId(importedBy)); // clean precision-pseudonym
        var imported = new List<string>();
        var rejected = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split(',');
            try
            {
                if (parts.Length != 3 || parts[0].Length != 10)
                {
                    throw new OverrideRowException(i + 1, lines[i]);
                }
                await store.SaveOverrideAsync(new FlagOverride(flagKey, parts[0], parts[2], importedBy, DateTimeOffset.UtcNow.AddDays(60)), ct);
                imported.Add(parts[0]);
                Rows.Add(1, new KeyValuePair<string, object?>("variant", parts[2]), new KeyValuePair<string, object?>("meter_model", parts[1][..3])); // clean precision-about
            }
            catch (OverrideRowException ex)
            {
                rejected++;
                logger.LogWarning(ex, "Skipping line {Line}", ex.Line); // leak TC1001 exceptions
                Activity.Current?.AddEvent(new ActivityEvent("import.row.rejected", tags: new ActivityTagsCollection { ["line"] = ex.Line })); // clean exceptions
            }
        }

        span.SetGridflagNote($"{imported.Count} imported, {rejected} rejected"); // clean generated-api
        Activity.Current?.SetTag("import.first_account", imported.FirstOrDefault()); // leak TC1001 cross-member
        Activity.Current?.SetTag("import.accounts", string.Join('|', imported)); // leak TC1001 strings
        Activity.Current?.SetTag("import.file_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))); // leak TC1002 hashes
        logger.LogInformation("Import by {ImportedBy} finished: {Imported} accounts", importedBy, imported.Count); // leak TC1001 direct
        logger.LogInformation("Import of {Flag} finished: {Imported} imported, {Rejected} rejected", flagKey, imported.Count, rejected); // clean precision-about
    }
}
