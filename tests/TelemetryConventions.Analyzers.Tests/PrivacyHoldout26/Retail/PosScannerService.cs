using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout26.Telemetry;
using Windows.Devices.PointOfService;
using Windows.Security.Cryptography;

namespace PrivacyHoldout26.Retail;

/// <summary>The till the POS client runs on, and the cashier signed in to it.</summary>
public sealed record TillContext(string TillId, string StoreId, string CashierStaffNumber, string CashierName);

/// <summary>
/// The till's handheld scanner (Windows point-of-service API): product barcodes go to the basket,
/// loyalty cards (Code 128 labels <c>LC</c> + 12 digits) attach the member to the sale.
/// </summary>
public sealed class PosScannerService(
    ClaimedBarcodeScanner scanner,
    ILogger<PosScannerService> logger,
    Meter meter,
    TillContext till,
    SaleViewModel sale)
{
    public async Task StartAsync()
    {
        scanner.DataReceived += OnDataReceived;
        scanner.IsDecodeDataEnabled = true;
        await scanner.EnableAsync();
        logger.LogInformation("Scanner {DeviceId} claimed on till {Till}", scanner.DeviceId, till.TillId);
    }

    private void OnDataReceived(ClaimedBarcodeScanner sender, BarcodeScannerDataReceivedEventArgs args)
    {
        var symbology = BarcodeSymbologies.GetName(args.Report.ScanDataType);
        var label = CryptographicBuffer.ConvertBinaryToString(BinaryStringEncoding.Utf8, args.Report.ScanDataLabel);
        meter.CreateKioskScansCounter().Add(1, symbology, till.TillId); // clean generated-api

        if (label.StartsWith("LC", StringComparison.Ordinal) && label.Length == 14)
        {
            var loyaltyNumber = label[2..];
            logger.LogInformation("Loyalty card ending {Last4} scanned", loyaltyNumber[^4..]); // clean precision-about
            meter.CreateKioskScansCounter().Add(1, symbology, till.TillId, $"loyalty ****{loyaltyNumber[^4..]}"); // clean precision-about
            logger.LogDebug("Loyalty lookup for {LoyaltyNumber}", loyaltyNumber); // leak TC1001 direct
            Activity.Current?.SetTag("pos.loyalty.md5", Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(loyaltyNumber)))); // leak TC1002 hashes
            sale.AttachMember(loyaltyNumber);
            return;
        }

        if (args.Report.ScanDataType == BarcodeSymbologies.Ean13 || args.Report.ScanDataType == BarcodeSymbologies.Upca)
        {
            logger.LogDebug("Item {Gtin} scanned", label); // clean precision-names
            sale.AddItem(label);
            return;
        }

        Activity.Current?.AddKioskScanRejectedEvent(symbology, $"unknown label of {label.Length} characters"); // clean generated-api
    }
}
