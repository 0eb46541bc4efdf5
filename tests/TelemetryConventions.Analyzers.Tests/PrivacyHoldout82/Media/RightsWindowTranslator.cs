namespace PrivacyHoldout82.Media;

public sealed record RightsWindow(string ContractId, string TitleId, string Territory, string Platform, DateOnly Start, DateOnly End);

public sealed record ContributorCredit(string PayeeRef, string Name, string Role, string? AgentEmail);

/// <summary>
/// Translates the legacy rights system's nightly XML export (RIGHTS_yyyyMMdd.xml on the SFTP drop) into the
/// new scheduling service's windows. A contract looks like
/// <c>&lt;Contract id="C-20931"&gt;&lt;Title id="T-88213"/&gt;&lt;Window terr="GB" plat="SVOD" from="" to=""/&gt;
/// &lt;Contributor payee="P004211" role="PRESENTER"&gt;&lt;Name/&gt;&lt;AgentEmail/&gt;&lt;/Contributor&gt;&lt;/Contract&gt;</c>.
/// Contributors are freelance presenters, composers and writers paid per use.
/// </summary>
public sealed class RightsWindowTranslator(ISftpClient sftp, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<RightsWindowTranslator> logger)
{
    private const string ContributorPath = "Contributor[@role='PRESENTER' or @role='COMPOSER']";

    private static readonly Dictionary<string, string> Platforms = new() { ["SVOD"] = "streaming", ["FTA"] = "linear", ["CU7"] = "catch-up-7-day", ["DL"] = "download" };

    private readonly Counter<long> _windows = meter.CreateCounter<long>("rights.windows.translated");

    public async Task<IReadOnlyList<RightsWindow>> TranslateAsync(DateOnly exportDate, CancellationToken cancellationToken)
    {
        var file = $"/exports/rights/RIGHTS_{exportDate:yyyyMMdd}.xml";
        using var batch = source.StartRightsbridgeBatch(System.IO.Path.GetFileName(file)); // clean precision-about
        var document = XDocument.Parse(string.Join('\n', await sftp.ReadAllLinesAsync(file, cancellationToken)));
        var contracts = document.XPathSelectElements("//Contract").ToList();
        batch.SetRightsbridgeRecordCount(contracts.Count).SetRightsbridgeLegacySystem("rightsline"); // clean precision-about

        var windows = new List<RightsWindow>();
        foreach (var contract in contracts)
        {
            var contractId = (string)contract.Attribute("id")!;
            var titleId = (string)contract.Element("Title")!.Attribute("id")!;
            using var scope = logger.BeginScope("Contract {ContractId} for {TitleId}", contractId, titleId); // clean precision-about
            foreach (var window in contract.Elements("Window"))
            {
                var platformCode = (string)window.Attribute("plat")!;
                if (!Platforms.TryGetValue(platformCode, out var platform))
                {
                    logger.LogRightsbridgeTranslationRejectedEvent("Window", "PLAT?", rightsbridgeNote: $"platform {platformCode} on {contractId}"); // clean generated-api
                    continue;
                }
                var translated = new RightsWindow(contractId, titleId, (string)window.Attribute("terr")!, platform,
                    DateOnly.Parse((string)window.Attribute("from")!, CultureInfo.InvariantCulture), DateOnly.Parse((string)window.Attribute("to")!, CultureInfo.InvariantCulture));
                windows.Add(translated);
                logger.LogDebug("Window {Window}", translated); // clean logging-objects
                _windows.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("territory", translated.Territory)); // clean precision-about
            }

            foreach (var contributor in contract.XPathSelectElements(ContributorPath))
            {
                var credit = new ContributorCredit((string)contributor.Attribute("payee")!, (string)contributor.Element("Name")!, (string)contributor.Attribute("role")!, (string?)contributor.Element("AgentEmail"));
                if (credit.AgentEmail is null)
                {
                    logger.LogWarning("No agent on file for {Contributor}", credit); // leak TC1001 logging-objects
                }
                logger.LogDebug("Credits read with {XPath}", ContributorPath); // clean precision-names
                Activity.Current?.SetTag(RightsbridgeAttributes.ContributorId, pseudonymizer.ComputeRightsbridgeContributorId(credit.PayeeRef)); // clean precision-pseudonym
                Activity.Current?.SetTag(RightsbridgeAttributes.ContributorContact, pseudonymizer.ComputeRightsbridgeContributorId(credit.AgentEmail ?? credit.PayeeRef)); // leak TC1001 precision-pseudonym
                Activity.Current?.AddEvent(new ActivityEvent("rights.credit", tags: new ActivityTagsCollection { ["role"] = credit.Role, ["payee"] = credit.PayeeRef })); // leak TC1001 direct
            }

            var names = contract.XPathSelectElements("Contributor/Name").Select(n => n.Value);
            batch.SetRightsbridgeNote($"{contractId}: credits for " + string.Join(", ", names)); // leak TC1001 generated-api
        }
        return windows;
    }
}
