namespace PrivacyHoldout82.Transport;

public enum ConcessionKind
{
    OlderPerson,
    Disabled,
    DisabledWithCompanion,
    YoungPerson,
    Veteran,
}

public sealed record Concession(string CardNumber, string HolderName, DateOnly BirthDate, ConcessionKind Kind, DateOnly Expires);

/// <summary>
/// The anti-corruption layer between the back office's concession records and the new entitlements
/// service. The back office exports CONC records, 60 characters: type(0,4) card(4,16) holder(20,24)
/// birth(44,8) code(52,2) expiry(54,6, yyMMdd). Codes: "OP" older person, "DS" disabled, "DC" disabled
/// with companion, "YP" young person, "VT" veteran.
/// </summary>
public sealed class ConcessionTranslator(ActivitySource source, Meter meter, ShardKey shardKey, ILogger<ConcessionTranslator> logger)
{
    private static readonly Dictionary<string, ConcessionKind> Codes = new()
    {
        ["OP"] = ConcessionKind.OlderPerson,
        ["DS"] = ConcessionKind.Disabled,
        ["DC"] = ConcessionKind.DisabledWithCompanion,
        ["YP"] = ConcessionKind.YoungPerson,
        ["VT"] = ConcessionKind.Veteran,
    };

    private readonly Counter<long> _translated = meter.CreateCounter<long>("concessions.translated");

    public Concession? Translate(string line, int lineNumber)
    {
        using var span = source.StartTicketbridgeTranslate(line[..4]);
        var code = line.Substring(52, 2);
        span.SetTicketbridgeLegacyStatus(code); // clean precision-about
        if (!Codes.TryGetValue(code, out var kind))
        {
            var ex = new UnmappedLegacyCodeException("CONC_TYPE", code);
            logger.LogWarning(ex, "Line {Line} skipped", lineNumber); // clean exceptions
            return null;
        }
        if (line.Length < 60)
        {
            var ex = new LayoutMismatchException("CONC", lineNumber, line, "short record");
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return null;
        }

        var cardNumber = line.Substring(4, 16);
        var holder = line.Substring(20, 24).TrimEnd();
        var concession = new Concession(cardNumber, holder,
            DateOnly.ParseExact(line.Substring(44, 8), "yyyyMMdd", CultureInfo.InvariantCulture), kind,
            DateOnly.ParseExact(line.Substring(54, 6), "yyMMdd", CultureInfo.InvariantCulture));
        _translated.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()), new KeyValuePair<string, object?>("expires_year", concession.Expires.Year)); // clean precision-about
        Activity.Current?.SetTag("concession.cohort", shardKey.ShardOf(cardNumber, 10)); // clean hashes
        Activity.Current?.SetTag("concession.card_hash", Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(cardNumber)))); // leak TC1002 hashes
        if (kind == ConcessionKind.DisabledWithCompanion)
        {
            logger.LogInformation("Companion concession for {Holder}, card ending {Last4}", holder, cardNumber[^4..]); // leak TC1001 direct
            logger.LogInformation("Companion concession, card ending {Last4}, expires {Expires}", cardNumber[^4..], concession.Expires); // clean precision-about
        }
        if (concession.Expires < DateOnly.FromDateTime(DateTime.UtcNow))
        {
            logger.LogWarning("Expired concession carried over: {Concession}", concession); // leak TC1001 logging-objects
            _translated.Add(0, new KeyValuePair<string, object?>("expired_card", cardNumber)); // leak TC1003 direct
        }
        logger.LogTrace("Card read from offset 4 length 16, holder from {HolderOffset}", 20); // clean precision-names
        var dedupeKey = "CONC:" + cardNumber + ":" + code;
        logger.LogDebug("Dedupe key {Key}", dedupeKey); // leak TC1001 strings
        return concession;
    }
}
