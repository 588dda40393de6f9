// A pictogram for each category of event and each accessibility item, always beside its words (never
// alone: a picture helps to find, the words say). Tabler Icons (MIT licence), drawn as inline SVG: nothing
// fetched at run time. The easy-to-read pages' rules: docs/decisions/012-easy-to-read.md.
import type { ComponentType } from "react";
import {
  IconArmchair,
  IconBabyCarriage,
  IconBadgeCc,
  IconBook2,
  IconBrush,
  IconBuildingCastle,
  IconConfetti,
  IconEar,
  IconFrame,
  IconHandFinger,
  IconHeadphones,
  IconMasksTheater,
  IconMessages,
  IconMicrophone2,
  IconMovie,
  IconMusic,
  IconShoe,
  IconSparkles,
  IconTent,
  IconWheelchair,
  type IconProps,
} from "@tabler/icons-react";
import type { Accessibility, EventCategory } from "@/lib/generated/prisma/enums";

export const CATEGORY_PICTOGRAMS: Record<EventCategory, ComponentType<IconProps>> = {
  THEATRE: IconMasksTheater,
  MUSIC: IconMusic,
  DANCE: IconShoe,
  OPERA: IconMicrophone2,
  CIRCUS: IconTent,
  CINEMA: IconMovie,
  EXHIBITION: IconFrame,
  HERITAGE: IconBuildingCastle,
  FESTIVAL: IconConfetti,
  TALK: IconMessages,
  WORKSHOP: IconBrush,
  YOUNG_AUDIENCE: IconBabyCarriage,
  OTHER: IconSparkles,
};

export const ACCESS_PICTOGRAMS: Record<Accessibility, ComponentType<IconProps>> = {
  WHEELCHAIR: IconWheelchair,
  HEARING_LOOP: IconEar,
  SIGN_LANGUAGE: IconHandFinger,
  AUDIO_DESCRIPTION: IconHeadphones,
  RELAXED: IconArmchair,
  SURTITLES: IconBadgeCc,
  EASY_READ: IconBook2,
};

/** A pictogram and its words, on one line; the picture is decoration for screen readers (the words say it). */
export function Pictogram({ icon: Icon, label, size = 32 }: { icon: ComponentType<IconProps>; label: string; size?: number }) {
  return (
    <span className="inline-flex items-center gap-2">
      <Icon size={size} stroke={1.75} aria-hidden="true" focusable="false" className="shrink-0 text-brand-800" />
      <span>{label}</span>
    </span>
  );
}
