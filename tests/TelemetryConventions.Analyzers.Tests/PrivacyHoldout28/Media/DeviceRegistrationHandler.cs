#nullable disable
using System;
using System.Collections;
using System.Collections.Specialized;
using System.Diagnostics;
using PrivacyHoldout28.Support.Common;

namespace PrivacyHoldout28.Media;

/// <summary>
/// Registers a subscriber's own set-top boxes and phones (five per account) and switches viewing
/// profiles; the boxes send their details as request headers.
/// </summary>
public class DeviceRegistrationHandler
{
    private const int DeviceLimit = 5;
    private static readonly AppLogger _log = AppLogger.For(typeof(DeviceRegistrationHandler));

    // subscriber id -> ArrayList of device serials
    private static readonly Hashtable _devicesBySubscriber = Hashtable.Synchronized(new Hashtable());

    public bool Register(Guid subscriberId, NameValueCollection headers)
    {
        string serial = headers["X-Device-Serial"];
        string model = headers["X-Device-Model"];
        ArrayList devices = (ArrayList)_devicesBySubscriber[subscriberId];
        if (devices == null)
        {
            devices = ArrayList.Synchronized(new ArrayList());
            _devicesBySubscriber[subscriberId] = devices;
        }

        if (devices.Count >= DeviceLimit)
        {
            _log.Warn("Device limit reached (" + devices.Count + " of " + DeviceLimit + "), model " + model); // clean precision-about
            return false;
        }

        devices.Add(serial);
        Activity.Current?.SetTag("device.model", model); // clean precision-about
        Activity.Current?.SetTag("device.serial", serial); // leak TC1001 direct
        Activity.Current?.SetTag("subscriber.device_count", devices.Count); // clean precision-names
        return true;
    }

    public static bool TryParseProfileCookie(string cookie, out Guid profileId)
    {
        profileId = Guid.Empty;
        if (string.IsNullOrEmpty(cookie) || !cookie.StartsWith("p=", StringComparison.Ordinal))
        {
            return false;
        }

        return Guid.TryParse(cookie.Substring(2), out profileId);
    }

    public void SwitchProfile(string cookie)
    {
        Guid profileId;
        if (!TryParseProfileCookie(cookie, out profileId))
        {
            _log.Warn("Malformed profile cookie (" + (cookie == null ? 0 : cookie.Length) + " chars)"); // clean precision-about
            return;
        }

        _log.Info("Viewing profile switched to " + profileId); // leak TC1001 strings
    }
}
