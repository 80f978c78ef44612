public enum TrackerDetect {}
