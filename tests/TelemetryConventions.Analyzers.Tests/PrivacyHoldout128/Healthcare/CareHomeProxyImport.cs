namespace PrivacyHoldout128.Healthcare;

/// <summary>Imports a care home's list of residents and the members of staff who will act for them.</summary>
public sealed class CareHomeProxyImport(
    IProxyRegistry registry,
    Pseudonymizer pseudonymizer,
    ILogger<CareHomeProxyImport> logger)
{
    private static readonly ActivitySource Source = new("Practice.CareHomeImport");
    private static readonly Meter Meter = new("Practice.CareHomeImport");
    private static readonly CarelinkInviteAcceptDurationHistogram AcceptHours = Meter.CreateCarelinkInviteAcceptDurationHistogram();

    public async Task<int> ImportAsync(string practiceCode, string careHomeCode, IReadOnlyList<string> csvLines, CancellationToken ct)
    {
        using var span = Source.StartCarelinkHouseholdChange("care-home");
        span.SetCarelinkRegion(practiceCode).SetCarelinkRole("care-home-staff"); // clean precision-names
        Activity.Current?.SetTag("carehome.code", careHomeCode); // clean precision-names
        Activity.Current?.SetTag("carehome.rows", csvLines.Count - 1); // clean precision-about
        Activity.Current?.SetTag("carehome.header", csvLines[0]); // clean precision-names

        var imported = 0;
        foreach (var (line, index) in csvLines.Skip(1).Select((l, i) => (l, i + 2)))
        {
            var cells = line.Split(',');
            if (cells.Length != 4)
            {
                logger.LogWarning("Row {Row} has {Cells} cells", index, cells.Length); // clean precision-about
                logger.LogWarning("Unreadable row: {Line}", line); // leak TC1001 strings
                continue;
            }

            var (nhsNumber, residentName, staffEmail, grantedOn) = (cells[0], cells[1], cells[2], cells[3]);
            try
            {
                await registry.SaveAsync(new ProxyGrant($"CH-{careHomeCode}-{index}", nhsNumber, staffEmail, "medication", "care-home", null), ct);
                imported++;
                var hours = (DateTimeOffset.UtcNow - DateTimeOffset.Parse(grantedOn, CultureInfo.InvariantCulture)).TotalHours;
                AcceptHours.Record(hours, "care-home", "care-home-staff"); // clean precision-names
                span.SetCarelinkDelegateId(pseudonymizer.PseudonymizeCarelinkDelegateId(staffEmail)); // clean precision-pseudonym
                Activity.Current?.SetTag(CarelinkAttributes.Contact, staffEmail); // leak TC1001 generated-api
            }
            catch (GuardianVerificationException ex)
            {
                logger.LogWarning(ex, "Staff member for {Resident} not verified", residentName); // leak TC1001 exceptions
                span.SetCarelinkNote($"row {index} not verified: {ex.Reason}"); // clean exceptions
            }
        }

        span.SetCarelinkMemberCount(imported).SetCarelinkOutcome(imported == csvLines.Count - 1 ? "added" : "partial"); // clean precision-about
        return imported;
    }
}
