namespace PrivacyHoldout92.Transport;

/// <summary>A mobile transit pass bought in the app.</summary>
public sealed record MobilePass(Guid PassId, string RiderAccountId, string RiderName, string Product, string Zones, DateOnly ValidTo, string SignedPayload);

/// <summary>
/// Adds mobile passes to the riders' wallets (Apple-style passes, serial number = the pass id) and serves their
/// updates; the pass's barcode is the signed payload the gates read (<c>sub</c> = the rider's account).
/// </summary>
public sealed class TransitPassWallet(IPassPackager packager, TicketingOptions options, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TransitPassWallet> logger)
{
    private static readonly ActivitySource Source = new("Transit.Wallet");
    private static readonly Meter Meter = new("Transit.Wallet");
    private static readonly Counter<long> PassesIssued = Meter.CreateCounter<long>("farepass.wallet.issued");

    public byte[] Package(MobilePass mobilePass)
    {
        using var activity = Source.StartActivity("farepass.wallet.package");
        var pass = new WalletPass
        {
            PassTypeIdentifier = options.PassTypeIdentifier,
            SerialNumber = mobilePass.PassId.ToString("N"),
            AuthenticationToken = RandomNumberGenerator.GetHexString(32),
            WebServiceUrl = options.WebServiceUrl,
            OrganizationName = "Metro Transit",
            Description = mobilePass.Product,
            ExpirationDate = mobilePass.ValidTo.ToDateTime(TimeOnly.MaxValue),
        };
        pass.Barcodes.Add(new PassBarcode { Format = BarcodeFormat.QR, Message = mobilePass.SignedPayload });
        pass.PrimaryFields.Add(new PassField("product", "Pass", mobilePass.Product));
        pass.SecondaryFields.Add(new PassField("rider", "Rider", mobilePass.RiderName));

        activity?.SetTag("pass.serial", pass.SerialNumber); // clean precision-names
        activity?.SetTag("pass.description", pass.Description); // clean cross-member
        activity?.SetTag("pass.barcode", pass.Barcodes[0].Message); // leak TC1001 cross-member
        activity?.SetTag("pass.fields", string.Join(";", pass.PrimaryFields.Concat(pass.SecondaryFields))); // leak TC1001 strings
        activity?.SetTag("pass.rider", pseudonymizer.ComputeFarepassRiderId(mobilePass.RiderAccountId)); // clean precision-pseudonym
        activity?.SetTag("pass.rider_ref", Pseudonym.FromComputed(mobilePass.RiderAccountId).Value); // leak TC1001 precision-pseudonym
        logger.LogInformation("Mobile pass {Pass}", mobilePass); // leak TC1001 logging-objects
        logger.LogInformation("Packaging pass {Serial} of {Product} for zones {Zones}", pass.SerialNumber, mobilePass.Product, mobilePass.Zones); // clean precision-names
        PassesIssued.Add(1, new KeyValuePair<string, object?>("farepass.product", mobilePass.Product)); // clean precision-names
        var lane = (BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(mobilePass.RiderAccountId))) % 16);
        PassesIssued.Add(1, new KeyValuePair<string, object?>("farepass.lane", lane)); // clean hashes
        activity?.SetTag("pass.rider_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(mobilePass.RiderAccountId)))[..16]); // leak TC1002 hashes
        return packager.Package(pass);
    }
}
