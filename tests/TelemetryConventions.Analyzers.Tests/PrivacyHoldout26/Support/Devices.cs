using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;

// Stand-ins for the device libraries the clients use, with their real names and shapes: the camera
// barcode reader of ZXing.Net.Maui, Plugin.LocalNotification, Plugin.Firebase's cloud messaging and
// the Windows point-of-service barcode scanner (with the WinRT buffer helpers it needs).

namespace ZXing.Net.Maui
{
    [Flags]
    public enum BarcodeFormat
    {
        None = 0,
        Aztec = 1,
        Code128 = 2,
        Code39 = 4,
        DataMatrix = 8,
        Ean8 = 16,
        Ean13 = 32,
        Pdf417 = 64,
        QrCode = 128,
        UpcA = 256,
    }

    public sealed class BarcodeResult(string value, BarcodeFormat format, byte[] raw)
    {
        public string Value { get; } = value;

        public BarcodeFormat Format { get; } = format;

        public byte[] Raw { get; } = raw;
    }

    public sealed class BarcodeDetectionEventArgs(BarcodeResult[] results) : EventArgs
    {
        public BarcodeResult[] Results { get; } = results;
    }

    public sealed class BarcodeReaderOptions
    {
        public BarcodeFormat Formats { get; set; }

        public bool AutoRotate { get; set; }

        public bool Multiple { get; set; }
    }

    public class CameraBarcodeReaderView
    {
        public BarcodeReaderOptions Options { get; set; } = new();

        public bool IsDetecting { get; set; } = true;

        public event EventHandler<BarcodeDetectionEventArgs>? BarcodesDetected;

        protected void Raise(params BarcodeResult[] results) => BarcodesDetected?.Invoke(this, new BarcodeDetectionEventArgs(results));
    }
}

namespace Plugin.LocalNotification
{
    using Plugin.LocalNotification.EventArgs;

    public sealed class NotificationRequestSchedule
    {
        public DateTime? NotifyTime { get; set; }

        public TimeSpan? NotifyRepeatInterval { get; set; }
    }

    public sealed class NotificationRequest
    {
        public int NotificationId { get; set; }

        public string Title { get; set; } = string.Empty;

        public string Subtitle { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        public string ReturningData { get; set; } = string.Empty;

        public string? Group { get; set; }

        public int BadgeNumber { get; set; }

        public NotificationRequestSchedule Schedule { get; set; } = new();
    }

    public delegate void NotificationActionTappedEventHandler(NotificationActionEventArgs e);

    public delegate void NotificationReceivedEventHandler(NotificationEventArgs e);

    public interface INotificationService
    {
        event NotificationActionTappedEventHandler? NotificationActionTapped;

        event NotificationReceivedEventHandler? NotificationReceived;

        Task<bool> Show(NotificationRequest notificationRequest);

        Task<bool> AreNotificationsEnabled();

        bool Cancel(params int[] notificationIdList);

        Task<IList<NotificationRequest>> GetPendingNotificationList();
    }

    public static class LocalNotificationCenter
    {
        public static INotificationService Current { get; set; } = null!;
    }
}

namespace Plugin.LocalNotification.EventArgs
{
    public class NotificationEventArgs : System.EventArgs
    {
        public NotificationRequest Request { get; init; } = new();
    }

    public sealed class NotificationActionEventArgs : NotificationEventArgs
    {
        public int ActionId { get; init; }

        public bool IsDismissed { get; init; }

        public bool IsTapped { get; init; }
    }
}

namespace Plugin.Firebase.CloudMessaging
{
    public sealed class FCMNotification
    {
        public string? Title { get; init; }

        public string? Body { get; init; }

        public IDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
    }

    public sealed class FCMTokenChangedEventArgs(string token) : EventArgs
    {
        public string Token { get; } = token;
    }

    public sealed class FCMNotificationReceivedEventArgs(FCMNotification notification) : EventArgs
    {
        public FCMNotification Notification { get; } = notification;
    }

    public sealed class FCMNotificationTappedEventArgs(FCMNotification notification) : EventArgs
    {
        public FCMNotification Notification { get; } = notification;
    }

    public interface IFirebaseCloudMessaging
    {
        event EventHandler<FCMTokenChangedEventArgs>? TokenChanged;

        event EventHandler<FCMNotificationReceivedEventArgs>? NotificationReceived;

        event EventHandler<FCMNotificationTappedEventArgs>? NotificationTapped;

        Task CheckIfValidAsync();

        Task<string> GetTokenAsync();

        Task SubscribeToTopicAsync(string topic);
    }

    public static class CrossFirebaseCloudMessaging
    {
        public static IFirebaseCloudMessaging Current { get; set; } = null!;
    }
}

namespace Windows.Foundation
{
    public delegate void TypedEventHandler<TSender, TResult>(TSender sender, TResult args);
}

namespace Windows.Storage.Streams
{
    public interface IBuffer
    {
        uint Capacity { get; }

        uint Length { get; set; }
    }
}

namespace Windows.Security.Cryptography
{
    using Windows.Storage.Streams;

    public enum BinaryStringEncoding
    {
        Utf8,
        Utf16LE,
        Utf16BE,
    }

    public static class CryptographicBuffer
    {
        public static string ConvertBinaryToString(BinaryStringEncoding encoding, IBuffer buffer) => string.Empty;

        public static string EncodeToHexString(IBuffer buffer) => string.Empty;
    }
}

namespace Windows.Devices.PointOfService
{
    using Windows.Foundation;
    using Windows.Storage.Streams;

    public static class BarcodeSymbologies
    {
        public static uint Ean13 => 104;

        public static uint Ean8 => 103;

        public static uint Upca => 101;

        public static uint Code128 => 110;

        public static uint Qr => 301;

        public static uint Pdf417 => 203;

        public static uint Aztec => 302;

        public static string GetName(uint scanDataType) => scanDataType.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed class BarcodeScannerReport
    {
        public uint ScanDataType { get; init; }

        public IBuffer ScanData { get; init; } = null!;

        public IBuffer ScanDataLabel { get; init; } = null!;
    }

    public sealed class BarcodeScannerDataReceivedEventArgs(BarcodeScannerReport report)
    {
        public BarcodeScannerReport Report { get; } = report;
    }

    public sealed class BarcodeScannerErrorOccurredEventArgs
    {
        public bool IsRetriable { get; init; }

        public string Message { get; init; } = string.Empty;
    }

    public sealed class ClaimedBarcodeScanner : IDisposable
    {
        public string DeviceId { get; init; } = string.Empty;

        public bool IsEnabled { get; private set; }

        public bool IsDecodeDataEnabled { get; set; }

        public event TypedEventHandler<ClaimedBarcodeScanner, BarcodeScannerDataReceivedEventArgs>? DataReceived;

        public event TypedEventHandler<ClaimedBarcodeScanner, BarcodeScannerErrorOccurredEventArgs>? ErrorOccurred;

        public Task EnableAsync()
        {
            IsEnabled = true;
            return Task.CompletedTask;
        }

        public void Dispose()
        {
            DataReceived = null;
            ErrorOccurred = null;
        }
    }
}
