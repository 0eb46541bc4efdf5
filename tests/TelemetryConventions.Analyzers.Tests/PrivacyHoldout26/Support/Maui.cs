using System;
using System.Collections.Generic;
using System.Threading.Tasks;

// Stand-ins for .NET MAUI (Microsoft.Maui.*) with the real types' names and shapes, reduced to what
// the mobile, tablet and TV clients use: Shell navigation with query parameters, device and app
// information, preferences and secure storage, the clipboard, connectivity and entry text changes.

namespace Microsoft.Maui.Devices
{
    public readonly struct DevicePlatform(string platform) : IEquatable<DevicePlatform>
    {
        public static DevicePlatform Android { get; } = new("Android");

        public static DevicePlatform iOS { get; } = new("iOS");

        public static DevicePlatform WinUI { get; } = new("WinUI");

        public static DevicePlatform tvOS { get; } = new("tvOS");

        public bool Equals(DevicePlatform other) => string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is DevicePlatform other && Equals(other);

        public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

        public override string ToString() => platform ?? string.Empty;

        public static bool operator ==(DevicePlatform left, DevicePlatform right) => left.Equals(right);

        public static bool operator !=(DevicePlatform left, DevicePlatform right) => !left.Equals(right);
    }

    public readonly struct DeviceIdiom(string idiom)
    {
        public static DeviceIdiom Phone { get; } = new("Phone");

        public static DeviceIdiom Tablet { get; } = new("Tablet");

        public static DeviceIdiom Desktop { get; } = new("Desktop");

        public static DeviceIdiom TV { get; } = new("TV");

        public override string ToString() => idiom ?? string.Empty;
    }

    public enum DeviceType
    {
        Unknown,
        Physical,
        Virtual,
    }

    public interface IDeviceInfo
    {
        /// <summary>The device's model, e.g. "SM-G998B".</summary>
        string Model { get; }

        string Manufacturer { get; }

        /// <summary>The name the owner gave the device, e.g. "Amira's iPhone".</summary>
        string Name { get; }

        string VersionString { get; }

        Version Version { get; }

        DevicePlatform Platform { get; }

        DeviceIdiom Idiom { get; }

        DeviceType DeviceType { get; }
    }

    public static class DeviceInfo
    {
        public static IDeviceInfo Current { get; set; } = null!;
    }
}

namespace Microsoft.Maui.ApplicationModel
{
    public interface IAppInfo
    {
        string PackageName { get; }

        string Name { get; }

        string VersionString { get; }

        string BuildString { get; }
    }

    public static class AppInfo
    {
        public static IAppInfo Current { get; set; } = null!;
    }

    public static class MainThread
    {
        public static void BeginInvokeOnMainThread(Action action) => action();

        public static Task InvokeOnMainThreadAsync(Func<Task> action) => action();
    }
}

namespace Microsoft.Maui.ApplicationModel.DataTransfer
{
    public interface IClipboard
    {
        bool HasText { get; }

        event EventHandler<EventArgs>? ClipboardContentChanged;

        Task SetTextAsync(string? text);

        Task<string?> GetTextAsync();
    }

    public static class Clipboard
    {
        public static IClipboard Default { get; set; } = null!;
    }
}

namespace Microsoft.Maui.Storage
{
    public interface IPreferences
    {
        bool ContainsKey(string key, string? sharedName = null);

        void Remove(string key, string? sharedName = null);

        void Set<T>(string key, T value, string? sharedName = null);

        T Get<T>(string key, T defaultValue, string? sharedName = null);
    }

    public static class Preferences
    {
        public static IPreferences Default { get; set; } = null!;
    }

    public interface ISecureStorage
    {
        Task<string?> GetAsync(string key);

        Task SetAsync(string key, string value);

        bool Remove(string key);
    }

    public static class SecureStorage
    {
        public static ISecureStorage Default { get; set; } = null!;
    }

    public interface IFileSystem
    {
        string AppDataDirectory { get; }

        string CacheDirectory { get; }
    }
}

namespace Microsoft.Maui.Networking
{
    public enum NetworkAccess
    {
        Unknown,
        None,
        Local,
        ConstrainedInternet,
        Internet,
    }

    public enum ConnectionProfile
    {
        Unknown,
        Bluetooth,
        Cellular,
        Ethernet,
        WiFi,
    }

    public sealed class ConnectivityChangedEventArgs(NetworkAccess access, IEnumerable<ConnectionProfile> profiles) : EventArgs
    {
        public NetworkAccess NetworkAccess { get; } = access;

        public IEnumerable<ConnectionProfile> ConnectionProfiles { get; } = profiles;
    }

    public interface IConnectivity
    {
        NetworkAccess NetworkAccess { get; }

        IEnumerable<ConnectionProfile> ConnectionProfiles { get; }

        event EventHandler<ConnectivityChangedEventArgs>? ConnectivityChanged;
    }
}

namespace Microsoft.Maui.Controls
{
    public class BindableObject
    {
        public object? BindingContext { get; set; }
    }

    public class Page : BindableObject
    {
        public string Title { get; set; } = string.Empty;

        protected virtual void OnAppearing()
        {
        }

        protected virtual void OnDisappearing()
        {
        }

        public Task DisplayAlert(string title, string message, string cancel) => Task.CompletedTask;
    }

    public class ContentPage : Page
    {
    }

    public sealed class TextChangedEventArgs(string? oldTextValue, string? newTextValue) : EventArgs
    {
        public string? OldTextValue { get; } = oldTextValue;

        public string? NewTextValue { get; } = newTextValue;
    }

    public class Entry : BindableObject
    {
        public string? Text { get; set; }

        public string? Placeholder { get; set; }

        public event EventHandler<TextChangedEventArgs>? TextChanged;

        public event EventHandler? Completed;

        protected void RaiseTextChanged(string? oldValue) => TextChanged?.Invoke(this, new TextChangedEventArgs(oldValue, Text));

        protected void RaiseCompleted() => Completed?.Invoke(this, EventArgs.Empty);
    }

    public sealed class ShellNavigationState
    {
        public ShellNavigationState(string location) => Location = new Uri(location, UriKind.RelativeOrAbsolute);

        public ShellNavigationState(Uri location) => Location = location;

        public Uri Location { get; }

        public static implicit operator ShellNavigationState(string location) => new(location);

        public static implicit operator ShellNavigationState(Uri location) => new(location);
    }

    public enum ShellNavigationSource
    {
        Unknown,
        Push,
        Pop,
        PopToRoot,
        Insert,
        Remove,
        ShellItemChanged,
        ShellSectionChanged,
        ShellContentChanged,
    }

    public sealed class ShellNavigatedEventArgs(ShellNavigationState? previous, ShellNavigationState current, ShellNavigationSource source) : EventArgs
    {
        public ShellNavigationState? Previous { get; } = previous;

        public ShellNavigationState Current { get; } = current;

        public ShellNavigationSource Source { get; } = source;
    }

    public sealed class ShellNavigatingEventArgs(ShellNavigationState? current, ShellNavigationState target, ShellNavigationSource source) : EventArgs
    {
        public ShellNavigationState? Current { get; } = current;

        public ShellNavigationState Target { get; } = target;

        public ShellNavigationSource Source { get; } = source;

        public bool Cancelled { get; private set; }

        public void Cancel() => Cancelled = true;
    }

    public sealed class ShellNavigationQueryParameters : Dictionary<string, object>
    {
    }

    public class Shell : Page
    {
        public static Shell Current { get; set; } = new();

        public ShellNavigationState CurrentState { get; protected set; } = new("//home");

        public event EventHandler<ShellNavigatedEventArgs>? Navigated;

        public event EventHandler<ShellNavigatingEventArgs>? Navigating;

        public Task GoToAsync(ShellNavigationState state) => GoToAsync(state, true, null);

        public Task GoToAsync(ShellNavigationState state, IDictionary<string, object> parameters) => GoToAsync(state, true, parameters);

        public Task GoToAsync(ShellNavigationState state, bool animate, IDictionary<string, object>? parameters = null)
        {
            var previous = CurrentState;
            Navigating?.Invoke(this, new ShellNavigatingEventArgs(previous, state, ShellNavigationSource.Push));
            CurrentState = state;
            Navigated?.Invoke(this, new ShellNavigatedEventArgs(previous, state, ShellNavigationSource.Push));
            return Task.CompletedTask;
        }

        public static void RegisterRoute(string route, Type type)
        {
        }
    }

    public interface IQueryAttributable
    {
        void ApplyQueryAttributes(IDictionary<string, object> query);
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    public sealed class QueryPropertyAttribute(string name, string queryId) : Attribute
    {
        public string Name { get; } = name;

        public string QueryId { get; } = queryId;
    }
}
