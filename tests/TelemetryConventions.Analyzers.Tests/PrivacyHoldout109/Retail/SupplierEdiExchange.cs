namespace PrivacyHoldout109.Retail;

/// <summary>Sends X12 850 purchase orders to suppliers and reads their 856 advance ship notices; drop-ship orders carry the customer's ship-to.</summary>
public sealed class SupplierEdiExchange(
    ActivitySource source,
    Meter meter,
    ILogger<SupplierEdiExchange> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint supplier)
{
    private readonly Counter<long> _asnLines = meter.CreateCounter<long>("vendorfeed.asn.lines", "{line}");

    public void SendPurchaseOrder(string poNumber, IReadOnlyList<(string Gtin, int Quantity)> lines, DropShipTo? shipTo)
    {
        using var span = source.StartVendorfeedTransfer(supplier.PartnerCode, "outbound");
        span.SetVendorfeedControlNumber(poNumber); // clean precision-names
        var segments = new List<EdiSegment> { new("ST", "850", "0001"), new("BEG", "00", shipTo is null ? "SA" : "DS", poNumber) };
        if (shipTo is not null)
        {
            var n1 = new EdiSegment("N1", "ST", shipTo.Name);
            var n3 = new EdiSegment("N3", shipTo.Street);
            var n4 = new EdiSegment("N4", shipTo.City, "", shipTo.Postcode, "GB");
            segments.AddRange(new[] { n1, n3, n4 });
            logger.LogDebug("Drop-ship to {ShipTo}", shipTo); // leak TC1001 logging-objects
            logger.LogDebug("Drop-ship address {N3} {N4}", n3, n4); // leak TC1001 logging-objects
            logger.LogDebug("Drop-ship to district {District}", shipTo.Postcode.Split(' ')[0]); // clean precision-about
            span.SetVendorfeedNote($"drop-ship for customer {shipTo.CustomerNumber}"); // leak TC1001 generated-api
            Activity.Current?.SetTag("vendorfeed.customer", pseudonymizer.ComputeVendorfeedCustomerId(shipTo.CustomerNumber)); // clean precision-pseudonym
        }
        segments.AddRange(lines.Select((l, i) => new EdiSegment("PO1", (i + 1).ToString(CultureInfo.InvariantCulture), l.Quantity.ToString(CultureInfo.InvariantCulture), "EA", "", "", "UP", l.Gtin)));
        foreach (var po1 in segments.Where(s => s.Tag == "PO1"))
        {
            logger.LogTrace("Line {Segment}", po1); // clean logging-objects
        }
        segments.Add(new EdiSegment("SE", (segments.Count + 1).ToString(CultureInfo.InvariantCulture), "0001"));
        var body = string.Concat(segments.Select(s => s.ToString()));
        logger.LogDebug("850 {Body}", body); // leak TC1001 strings
        span.SetVendorfeedRecordCount(lines.Count); // clean precision-about
        sftp.Connect();
        sftp.UploadFile(new MemoryStream(Encoding.ASCII.GetBytes(body)), $"{supplier.OutboundDir}/850_{poNumber}.edi");
        meter.CreateVendorfeedFilesCounter().Add(1, supplier.PartnerCode, "outbound", shipTo is null ? "po" : "drop_ship_po"); // clean generated-api
    }

    public void ReadAdvanceShipNotice(string fileName)
    {
        using var span = source.StartVendorfeedImport(supplier.PartnerCode, fileName);
        var interchange = EdiParser.Parse(sftp.ReadAllText(supplier.InboundDir + "/" + fileName));
        span.SetVendorfeedControlNumber(interchange.ControlNumber); // clean precision-names
        logger.LogInformation("ASN interchange from {Sender} to {Receiver}, usage {Usage}", interchange.SenderId, interchange.ReceiverId, interchange.UsageIndicator); // clean precision-names
        foreach (var set in interchange.Transactions.Where(t => t.Code == "856"))
        {
            logger.LogInformation("ASN {Set}", set); // clean logging-objects
            foreach (var lin in set.All("LIN"))
            {
                _asnLines.Add(1, new KeyValuePair<string, object?>("supplier", supplier.PartnerCode)); // clean precision-names
            }
            var shipTo = set.All("N1").FirstOrDefault(n => n[1] == "ST");
            if (shipTo is not null)
            {
                Activity.Current?.SetTag("asn.ship_to", shipTo[2]); // leak TC1001 cross-member
            }
            var tracking = set.First("REF")?[2];
            Activity.Current?.SetTag("asn.tracking", tracking); // clean precision-names
        }
    }
}

/// <summary>A drop-ship order's delivery party: the customer who ordered it. Prints its members.</summary>
public sealed record DropShipTo(string CustomerNumber, string Name, string Street, string City, string Postcode);
