using System;
using System.Threading.Tasks;

// Stand-ins for WPF (System.Windows, PresentationFramework and WindowsBase), reduced to what the kiosk,
// point-of-sale and launcher clients use: the application and its dispatcher's unhandled-exception
// event, windows, text boxes, text input from keyboard-wedge scanners and the clipboard.

namespace System.Windows.Threading
{
    public sealed class Dispatcher
    {
        public void Invoke(Action callback) => callback();

        public Task InvokeAsync(Action callback)
        {
            callback();
            return Task.CompletedTask;
        }
    }

    public sealed class DispatcherUnhandledExceptionEventArgs(Exception exception) : EventArgs
    {
        public Exception Exception { get; } = exception;

        public bool Handled { get; set; }
    }

    public delegate void DispatcherUnhandledExceptionEventHandler(object sender, DispatcherUnhandledExceptionEventArgs e);
}

namespace System.Windows
{
    using System.Windows.Threading;

    public sealed class StartupEventArgs(string[] args) : EventArgs
    {
        public string[] Args { get; } = args;
    }

    public sealed class ExitEventArgs(int applicationExitCode) : EventArgs
    {
        public int ApplicationExitCode { get; set; } = applicationExitCode;
    }

    public class Window
    {
        public string Title { get; set; } = string.Empty;

        public object? DataContext { get; set; }

        public void Show()
        {
        }

        public void Close()
        {
        }
    }

    public class Application
    {
        public static Application Current { get; protected set; } = null!;

        public Dispatcher Dispatcher { get; } = new();

        public Window? MainWindow { get; set; }

        public event DispatcherUnhandledExceptionEventHandler? DispatcherUnhandledException;

        protected virtual void OnStartup(StartupEventArgs e)
        {
        }

        protected virtual void OnExit(ExitEventArgs e)
        {
        }

        public void Shutdown(int exitCode = 0)
        {
        }

        protected bool RaiseDispatcherUnhandledException(Exception exception)
        {
            var args = new DispatcherUnhandledExceptionEventArgs(exception);
            DispatcherUnhandledException?.Invoke(this, args);
            return args.Handled;
        }
    }

    public static class Clipboard
    {
        public static bool ContainsText() => true;

        public static string GetText() => string.Empty;

        public static void SetText(string text)
        {
        }
    }
}

namespace System.Windows.Input
{
    public sealed class TextCompositionEventArgs(string text) : EventArgs
    {
        public string Text { get; } = text;

        public bool Handled { get; set; }
    }

    public delegate void TextCompositionEventHandler(object sender, TextCompositionEventArgs e);
}

namespace System.Windows.Controls
{
    public sealed class TextChangedEventArgs : EventArgs
    {
        public bool Handled { get; set; }
    }

    public delegate void TextChangedEventHandler(object sender, TextChangedEventArgs e);

    public class TextBox
    {
        public string Name { get; set; } = string.Empty;

        public string Text { get; set; } = string.Empty;

        public event TextChangedEventHandler? TextChanged;

        public event System.Windows.Input.TextCompositionEventHandler? PreviewTextInput;

        protected void RaiseTextChanged() => TextChanged?.Invoke(this, new TextChangedEventArgs());

        protected void RaisePreviewTextInput(string text) => PreviewTextInput?.Invoke(this, new System.Windows.Input.TextCompositionEventArgs(text));
    }
}
