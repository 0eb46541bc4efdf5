namespace PrivacyHoldout109.Retail;

/// <summary>A parcel handed to the carrier: consignment, recipient and contact for delivery notifications.</summary>
public sealed record Consignment(string ConsignmentNumber, string OrderId, string RecipientName, string RecipientPhone, string Postcode, decimal WeightKg);

/// <summary>Uploads the end-of-day carrier manifest and reads the carrier's rejection report.</summary>
public sealed class CarrierManifestUpload(
    ActivitySource source,
    ILogger<CarrierManifestUpload> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint carrier)
{
    public void Upload(string depot, IReadOnlyList<Consignment> consignments)
    {
        var fileName = $"MAN_{depot}_{DateTime.UtcNow:yyyyMMdd}.csv";
        using var span = source.StartVendorfeedTransfer(carrier.PartnerCode, "outbound");
        span.SetVendorfeedFileName(fileName); // clean precision-names
        var lines = consignments.Select(c => Csv.Line(c.ConsignmentNumber, c.RecipientName, c.RecipientPhone, c.Postcode, c.WeightKg)).ToList();
        logger.LogInformation("Manifest {File}: {Count} consignments, {Weight} kg", fileName, consignments.Count, consignments.Sum(c => c.WeightKg)); // clean precision-about
        logger.LogInformation("Consignments {Numbers}", consignments.Select(c => c.ConsignmentNumber)); // clean precision-names
        sftp.Connect();
        sftp.UploadFile(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), carrier.OutboundDir + "/" + fileName);
    }

    public void ReadRejections(string fileName, IReadOnlyDictionary<string, Consignment> byNumber)
    {
        using var span = source.StartVendorfeedImport(carrier.PartnerCode, fileName);
        foreach (var row in Csv.Read(sftp.ReadAllText(carrier.InboundDir + "/" + fileName)))
        {
            var consignment = byNumber[row["consignment"]];
            logger.LogWarning("Carrier rejected {Consignment} ({Reason})", consignment.ConsignmentNumber, row["reason"]); // clean precision-names
            logger.LogWarning("Carrier rejected {@Consignment}", consignment); // leak TC1001 logging-objects
            if (row["reason"] == "BAD_PHONE")
            {
                Activity.Current?.SetTag("carrier.bad_phone", consignment.RecipientPhone); // leak TC1001 direct
                logger.LogWarning("Bad phone for order {Order}: {Digits} digits, international {International}", consignment.OrderId, consignment.RecipientPhone.Count(char.IsDigit), consignment.RecipientPhone.StartsWith('+')); // clean precision-about
            }
        }
    }
}
