namespace PrivacyHoldout82.Retail;

public sealed record StockPosition(string Sku, string Store, int OnHand, int OnOrder, decimal CostPrice, string LastAdjustedBy);

/// <summary>
/// Reads stock positions from the AS/400's physical file STKLIB/STKMSTR, exported as fixed-width records
/// (record format STKR, 72 characters): SKU(0,8) STORE(8,4) ONHAND(12,7 zoned) ONORD(19,7 zoned)
/// COST(26,9 zoned, 2 decimals) LASTUSR(35,10) LASTCHG(45,14). LASTUSR is the IBM i user profile of the
/// colleague who last adjusted the position (store colleagues sign on as their payroll number, "P0048817").
/// </summary>
public sealed class As400StockFeed(ISftpClient sftp, ActivitySource source, Meter meter, ILogger<As400StockFeed> logger)
{
    private const string Library = "STKLIB";
    private const string PhysicalFile = "STKMSTR";

    private static readonly RecordLayout Stkr = new("STKR", 72,
    [
        new FieldSpec("SKU", 0, 8),
        new FieldSpec("STORE", 8, 4),
        new FieldSpec("ONHAND", 12, 7, FieldKind.Zoned),
        new FieldSpec("ONORD", 19, 7, FieldKind.Zoned),
        new FieldSpec("COST", 26, 9, FieldKind.Zoned, 2),
        new FieldSpec("LASTUSR", 35, 10),
        new FieldSpec("LASTCHG", 45, 14),
    ]);

    private readonly UpDownCounter<long> _negative = meter.CreateUpDownCounter<long>("stock.negative_positions");

    public async Task<IReadOnlyList<StockPosition>> ReadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var fileName = $"{Library}.{PhysicalFile}.{day:yyyyMMdd}.TXT";
        using var batch = source.StartStockbridgeBatch(fileName); // clean precision-about
        batch.SetStockbridgeLegacySystem("as400-stk"); // clean precision-about
        var lines = await sftp.ReadAllLinesAsync("/as400/out/" + fileName, cancellationToken);
        logger.LogInformation("{Library}/{File} export has {Count} STKR records", Library, PhysicalFile, lines.Count); // clean precision-about

        var positions = new List<StockPosition>();
        foreach (var line in lines)
        {
            var sku = line.Substring(0, 8);
            var store = line.Substring(8, 4);
            var onHand = int.Parse(line.Substring(12, 7), CultureInfo.InvariantCulture);
            var position = new StockPosition(sku, store, onHand, int.Parse(line.Substring(19, 7), CultureInfo.InvariantCulture),
                decimal.Parse(line.Substring(26, 9), CultureInfo.InvariantCulture) / 100m, line.Substring(35, 10).TrimEnd());
            positions.Add(position);
            if (onHand < 0)
            {
                _negative.Add(1, new KeyValuePair<string, object?>("store", store)); // clean precision-about
                logger.LogWarning("Negative stock {OnHand} for {Sku} in {Store}", onHand, sku, store); // clean precision-about
                logger.LogWarning("Negative position {Position}", position); // leak TC1001 logging-objects
                logger.LogWarning("Last adjusted by {User}", line.Substring(35, 10)); // leak TC1001 direct
            }
        }

        logger.LogDebug("LASTUSR at {Field}", Stkr["LASTUSR"]); // clean precision-names
        var adjusters = positions.Where(p => p.OnHand < 0).Select(p => p.LastAdjustedBy).Distinct();
        Activity.Current?.SetTag("stock.negative.adjusted_by", string.Join(",", adjusters)); // leak TC1001 cross-member
        batch.SetStockbridgeRecordCount(positions.Count).SetStockbridgeOutcome("read"); // clean precision-about
        batch.SetStockbridgeNote($"{positions.Count(p => p.OnHand < 0)} negative, {positions.Select(p => p.Store).Distinct().Count()} stores"); // clean generated-api
        return positions;
    }
}
