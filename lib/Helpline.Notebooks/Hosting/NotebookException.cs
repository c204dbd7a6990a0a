namespace Helpline.Notebooks.Hosting;

/// <summary>A user's mistake about a notebook or its parameters: shown as one message, without a stack trace.</summary>
internal sealed class NotebookException(string message) : Exception(message)
{
    public NotebookException()
        : this("notebook error")
    {
    }

    public NotebookException(string message, Exception innerException)
        : this(message + ": " + innerException.Message)
    {
    }
}
